// "ログイン中のユーザー": who Session.getActiveUser() is. People only, as in
// Google Workspace nobody signs in as a section's shared address: the secretariat,
// the people 担当者 lists for each section and 局区 (under its name), a person's own
// address, the PT members — plus any other address, which the server still refuses
// when it is a shared one.
import type { WorkbenchUser } from "../protocol/api-types";
import { byId, h } from "./dom";

const OTHER = "__other__";
const SHOWN_IDS = 3;

/** 「全件」, 「局区の課題 5件」, 「課題 R7-003・R7-010 ほか2件」 or 「PTのチーム」. */
export function issuesText(user: WorkbenchUser): string {
  if (user.role === "事務局") return "全件";
  if (user.role === "局区代表") return `局区の課題 ${user.issues.length}件`;
  if (user.role === "PTメンバー") return "PTのチーム";
  const shown = user.issues.slice(0, SHOWN_IDS).join("・");
  return `課題 ${shown}${user.issues.length > SHOWN_IDS ? ` ほか${user.issues.length - SHOWN_IDS}件` : ""}`;
}

/** The switcher's heading for an entry: 「担当者｜総務市民局 人事課」, 「局区代表｜会計室」, 「事務局」, 「PTメンバー」. */
export function groupHeading(user: WorkbenchUser): string {
  return user.role === "担当者" || user.role === "局区代表" ? `${user.role}｜${user.group}` : user.role;
}

/** 「山田 太郎 taro.jinji@city.example（担当・課題 R6-001… ほか11件）」. */
export function optionText(user: WorkbenchUser): string {
  return `${user.name ? `${user.name} ` : ""}${user.email}（${user.label}・${issuesText(user)}）`;
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
    // Headings in the order the server lists them: 事務局, sections, 局区, PT.
    const groups = new Map<string, WorkbenchUser[]>();
    for (const user of users) groups.set(groupHeading(user), [...(groups.get(groupHeading(user)) ?? []), user]);
    let chosen = false;
    this.select.replaceChildren(
      ...(known ? [] : [option(current, current || "（ログインしていない）")]),
      ...[...groups].map(([heading, members]) => h("optgroup", { label: heading }, ...members.map((u) => {
        // One person may answer for two sections: the first entry shows as chosen.
        const selected = !chosen && u.email === current;
        chosen ||= selected;
        return h("option", { value: u.email, selected }, optionText(u));
      }))),
      h("option", { value: OTHER }, "その他のアドレス…"),
    );
    this.select.value = current;
  }

  /** Another tab (or this one) signed someone else in — or a switch was refused, and the select shows who is still signed in. */
  setUser(email: string): void {
    if (email !== this.current) this.render(this.users, email);
    else this.select.value = email;
  }
}
