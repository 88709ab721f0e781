// SpreadsheetApp.getUi() offline: menus, alerts, prompts, sidebars and dialogs
// go to the UiHost (the CLI prints them, the workbench shows them in the page).
import type { ButtonSetName, MenuSpec, UiHost } from "../../execution/env";
import { enumValue, markUnsupported } from "../api-surface";
import { Button, ButtonSet } from "./enums";

type GasButton = GoogleAppsScript.Base.Button;
type GasButtonSet = GoogleAppsScript.Base.ButtonSet;
type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

export interface UiImpl extends Pick<GoogleAppsScript.Base.Ui, "showDialog"> {}

export class UiImpl implements GoogleAppsScript.Base.Ui {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(private readonly host: UiHost) {}

  createMenu(caption: string): MenuImpl {
    return new MenuImpl(this.host, String(caption), false);
  }

  /** The add-on's menu under 拡張機能; Sheets labels it with the add-on's name, so the host does. */
  createAddonMenu(): MenuImpl {
    return new MenuImpl(this.host, "", true);
  }

  /** alert(prompt), alert(prompt, buttons), alert(title, prompt, buttons); blocks until answered. */
  alert(first: string, second?: string | GasButtonSet, third?: GasButtonSet): GasButton {
    const { title, prompt, buttons } = dialogArgs(first, second, third);
    return enumValue<GasButton>(this.host.alert(title, prompt, buttons));
  }

  prompt(first: string, second?: string | GasButtonSet, third?: GasButtonSet): PromptResponseImpl {
    const { title, prompt, buttons } = dialogArgs(first, second, third);
    const answer = this.host.prompt(title, prompt, buttons);
    return new PromptResponseImpl(answer.text, enumValue<GasButton>(answer.button));
  }

  /** Sidebars are always 300 px wide in Sheets; the host lays them out. */
  showSidebar(userInterface: HtmlOutput): void {
    this.host.showSidebar(userInterface.getContent(), userInterface.getTitle());
  }

  /** The title argument wins over the HtmlOutput's own title, as in Sheets. */
  showModalDialog(userInterface: HtmlOutput, title: string): void {
    this.host.showDialog(userInterface.getContent(), String(title), userInterface.getWidth(), userInterface.getHeight(), true);
  }

  showModelessDialog(userInterface: HtmlOutput, title: string): void {
    this.host.showDialog(userInterface.getContent(), String(title), userInterface.getWidth(), userInterface.getHeight(), false);
  }
}

markUnsupported(UiImpl, "Ui", ["showDialog"]);

function dialogArgs(
  first: string,
  second?: string | GasButtonSet,
  third?: GasButtonSet,
): { title: string | null; prompt: string; buttons: ButtonSetName } {
  if (third !== undefined) return { title: String(first), prompt: String(second), buttons: String(third) as ButtonSetName };
  return { title: null, prompt: String(first), buttons: (second === undefined ? "OK" : String(second)) as ButtonSetName };
}

export class PromptResponseImpl implements GoogleAppsScript.Base.PromptResponse {
  constructor(
    private readonly text: string,
    private readonly button: GasButton,
  ) {}

  getResponseText(): string {
    return this.text;
  }

  getSelectedButton(): GasButton {
    return this.button;
  }
}

type MenuEntry = { caption: string; functionName: string } | { separator: true } | { submenu: MenuImpl };

export class MenuImpl implements GoogleAppsScript.Base.Menu {
  readonly entries: MenuEntry[] = [];

  constructor(
    private readonly host: UiHost,
    readonly caption: string,
    readonly addon: boolean,
  ) {}

  addItem(caption: string, functionName: string): MenuImpl {
    this.entries.push({ caption: String(caption), functionName: String(functionName) });
    return this;
  }

  addSeparator(): MenuImpl {
    this.entries.push({ separator: true });
    return this;
  }

  addSubMenu(menu: GoogleAppsScript.Base.Menu): MenuImpl {
    this.entries.push({ submenu: menu as MenuImpl });
    return this;
  }

  /** Nothing shows until this call; the host gets the whole tree as it is now. */
  addToUi(): void {
    this.host.addMenu(menuSpec(this));
  }
}

function menuSpec(menu: MenuImpl): MenuSpec {
  return {
    caption: menu.caption,
    addon: menu.addon,
    items: menu.entries.map((entry) =>
      "submenu" in entry
        ? { caption: entry.submenu.caption, submenu: menuSpec(entry.submenu) }
        : "separator" in entry
          ? { caption: "", separator: true }
          : { caption: entry.caption, functionName: entry.functionName },
    ),
  };
}
