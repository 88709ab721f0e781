// "ログイン中のユーザー": who Session.getActiveUser() is. The workbook's own
// addresses (事務局, 局区 representatives, issue owners) plus any other address,
// each with its role and the issues it answers for.
import type { WorkbenchUser } from "../protocol/api-types";
import { byId, h } from "./dom";

const OTHER = "__other__";
const GROUPS: WorkbenchUser["role"][] = ["事務局", "局区代表", "担当者", "PTメンバー"];
const SHOWN_IDS = 3;

/** 「全件」, 「局区の課題 5件」, 「担当 R7-003・R7-010 ほか2件」 or 「PTのチーム」. */
export function issuesText(user: WorkbenchUser): string {
  if (user.role === "事務局") return "全件";
  if (user.role === "局区代表") return `局区の課題 ${user.issues.length}件`;
  if (user.role === "PTメンバー") return "PTのチーム";
  const shown = user.issues.slice(0, SHOWN_IDS).join("・");
  return `担当 ${shown}${user.issues.length > SHOWN_IDS ? ` ほか${user.issues.length - SHOWN_IDS}件` : ""}`;
}

export class UserSwitcher {
  private readonly select = byId<HTMLSelectElement>("user-select");
  private readonly free = byId<HTMLInputElement>("user-free");
  private readonly form = byId<HTMLFormElement>("user-free-form");
  private users: WorkbenchUser[] = [];
  private current = "";

  constructor(private readonly switchTo: (email: string) => void) {
    this.select.addEventListener("change", () => {
      if (this.select.value === OTHER) {
        this.form.hidden = false;
        this.free.focus();
      } else this.switchTo(this.select.value);
    });
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.form.hidden = true;
      this.switchTo(this.free.value.trim());
    });
  }

  render(users: WorkbenchUser[], current: string): void {
    this.users = users;
    this.current = current;
    const option = (email: string, label: string) => h("option", { value: email, selected: email === current }, label);
    const known = users.some((u) => u.email === current);
    this.select.replaceChildren(
      ...(known ? [] : [option(current, current || "（ログインしていない）")]),
      ...GROUPS.map((group) => {
        const members = users.filter((u) => u.role === group);
        return members.length ? h("optgroup", { label: group }, ...members.map((u) => option(u.email, `${u.email}（${u.label}・${u.role}）${issuesText(u)}`))) : null;
      }).filter((g): g is HTMLOptGroupElement => g !== null),
      h("option", { value: OTHER }, "その他のアドレス…"),
    );
    this.select.value = current;
  }

  /** Another tab (or this one) signed someone else in. */
  setUser(email: string): void {
    if (email !== this.current) this.render(this.users, email);
  }
}
