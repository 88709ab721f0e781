// The add-on's menus exactly as onOpen built them: createAddonMenu() menus under
// 拡張機能 (labelled with the add-on's name), createMenu(caption) menus at the
// end of the menu bar, as Sheets places them.
import type { MenuSpec } from "../protocol/api-types";
import { h } from "./dom";

/** Sheets shows an add-on menu under the add-on's name. */
const ADDON_NAME = "プラチナ";

type MenuItem = MenuSpec["items"][number];

export class Menubar {
  private open: HTMLElement | null = null;

  constructor(
    private readonly element: HTMLElement,
    private readonly run: (functionName: string) => void,
  ) {
    document.addEventListener("mousedown", (event) => {
      if (this.open && !this.element.contains(event.target as Node)) this.close();
    });
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape") this.close();
    });
  }

  render(menus: MenuSpec[]): void {
    this.close();
    const addon = menus.filter((m) => m.addon);
    const top: { caption: string; items: MenuItem[] }[] = [
      {
        caption: "拡張機能",
        items: addon.length
          ? addon.map((m) => ({ caption: ADDON_NAME, submenu: m }))
          : [{ caption: "（アドオンのメニューはありません）" }],
      },
      ...menus.filter((m) => !m.addon),
    ];
    this.element.replaceChildren(...top.map((menu) => this.topItem(menu.caption, menu.items)));
  }

  private topItem(caption: string, items: MenuItem[]): HTMLElement {
    const list = this.list(items);
    const button = h("button", { class: "menu-top", type: "button", "aria-haspopup": "menu", "aria-expanded": "false" }, caption);
    const wrapper = h("div", { class: "menu-wrap" }, button, list);
    button.addEventListener("click", () => (this.open === wrapper ? this.close() : this.show(wrapper)));
    button.addEventListener("mouseenter", () => {
      if (this.open && this.open !== wrapper) this.show(wrapper);
    });
    return wrapper;
  }

  private list(items: MenuItem[]): HTMLElement {
    const list = h("div", { class: "menu-list", role: "menu" });
    for (const item of items) {
      if (item.separator) list.append(h("div", { class: "menu-sep", role: "separator" }));
      else if (item.submenu) {
        list.append(
          h("div", { class: "menu-item has-sub", role: "menuitem", tabindex: -1, "aria-haspopup": "menu" },
            h("span", {}, item.caption || ADDON_NAME), h("span", { class: "menu-sub-arrow", "aria-hidden": "true" }, "▸"), this.list(item.submenu.items)),
        );
      } else {
        const name = item.functionName;
        list.append(
          h("div", {
            class: `menu-item${name ? "" : " disabled"}`,
            role: "menuitem",
            tabindex: -1,
            "data-function": name,
            onclick: (event: MouseEvent) => {
              event.stopPropagation();
              if (!name) return;
              this.close();
              this.run(name);
            },
          }, item.caption),
        );
      }
    }
    return list;
  }

  private show(wrapper: HTMLElement): void {
    this.close();
    this.open = wrapper;
    wrapper.classList.add("open");
    wrapper.querySelector(".menu-top")?.setAttribute("aria-expanded", "true");
  }

  private close(): void {
    this.open?.classList.remove("open");
    this.open?.querySelector(".menu-top")?.setAttribute("aria-expanded", "false");
    this.open = null;
  }
}
