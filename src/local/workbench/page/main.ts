// The workbench page: a spreadsheet that looks like Sheets, running the add-on
// locally. Wires the grid, menus, dialogs, sidebar and panels to the server.
import type { ActiveSelection, EditReply, ExecutionView, ScriptReply, SessionView, SheetInfo, UiAnswer, UiRequest } from "../protocol/api-types";
import { getJson, postJson, subscribe } from "./api";
import { Dialogs } from "./dialogs";
import { byId, h } from "./dom";
import { ExecutionsPanel } from "./executions-panel";
import { Grid } from "./grid";
import { Menubar } from "./menubar";
import { OutboxPanel } from "./outbox-panel";
import { confirmProtectedEdit } from "./protection-warning";
import { Sidebar } from "./sidebar";
import { listenToSurfaces, setSurfaceOrigin } from "./surfaces";
import { TriggersPanel } from "./triggers-panel";
import { UserSwitcher } from "./user-switcher";

const formula = byId<HTMLInputElement>("formula-input");
const nameBox = byId("name-box");
const tabs = byId("sheet-tabs");
const busy = byId("busy");

let sheets: SheetInfo[] = [];
let user = "";
let clockRunning = false;

const dialogs = new Dialogs((id: number, answer: UiAnswer) => postJson("/api/ui/answer", { id, ...answer }).then(() => undefined));
const sidebar = new Sidebar();

let selectionTimer = 0;

/** The add-on's getActiveRange starts from what is selected here: the server hears of each change (the last one of a burst). */
function reportSelection(): void {
  clearTimeout(selectionTimer);
  selectionTimer = window.setTimeout(() => {
    const selection = grid.selection();
    if (selection) void postJson("/api/selection", selection).catch(() => undefined);
  }, 100);
}

/** One edit: a warning-only protection asks first, and Cancel leaves the cells as they were. */
async function edit(sheet: string, row: number, column: number, values: string[][], confirmed = false): Promise<string[][] | null> {
  const reply = await postJson<EditReply>("/api/edit", { sheet, row, column, values, confirmed });
  if (reply.ok) return reply.before;
  if ("warning" in reply) {
    const ok = await confirmProtectedEdit(reply.warning);
    grid.focus();
    return ok ? edit(sheet, row, column, values, true) : null;
  }
  dialogs.notice("編集できません", reply.error);
  return null;
}

const grid = new Grid({
  onSelection(name, cell) {
    nameBox.textContent = name;
    if (document.activeElement !== formula) formula.value = cell?.f ?? cell?.x ?? cell?.v ?? "";
    reportSelection();
  },
  onEditing(text) {
    formula.value = text;
  },
  async write(sheet, row, column, values) {
    try {
      return await edit(sheet, row, column, values);
    } catch (error) {
      dialogs.notice("編集できません", (error as Error).message);
      return null;
    }
  },
});
byId("grid-host").append(grid.element);

// The formula bar edits the active cell: Enter writes, Escape puts the cell's text back.
formula.addEventListener("keydown", (event) => {
  if (event.isComposing) return;
  if (event.key === "Enter") {
    event.preventDefault();
    void grid.commitActive(formula.value);
    grid.focus();
  } else if (event.key === "Escape") {
    const cell = grid.activeCell();
    formula.value = cell?.f ?? cell?.x ?? cell?.v ?? "";
    grid.focus();
  }
});

const menubar = new Menubar(byId("menubar"), (functionName) => void runMenu(functionName));

async function runMenu(functionName: string): Promise<void> {
  const reply = await postJson<ScriptReply>("/api/menu", { entry: functionName, selection: grid.selection() ?? undefined });
  if (!reply.ok) dialogs.toast({ id: 0, kind: "toast", title: "スクリプトのエラー", message: reply.error, timeoutSeconds: -1 });
}

// ---- sheets and tabs ----

function showSheet(name: string): void {
  const info = sheets.find((s) => s.name === name) ?? sheets.find((s) => !s.hidden);
  if (!info) return;
  history.replaceState(null, "", `#sheet=${encodeURIComponent(info.name)}`);
  grid.show(info);
  renderTabs();
  grid.focus();
}

function renderTabs(): void {
  tabs.replaceChildren(
    ...sheets.filter((s) => !s.hidden).map((s) => {
      const active = s.name === grid.sheet;
      const tab = h("button", { type: "button", role: "tab", class: `tab${active ? " active" : ""}`, "aria-selected": String(active), onclick: () => showSheet(s.name) }, s.name);
      if (s.tabColor) tab.style.borderBottomColor = s.tabColor;
      return tab;
    }),
  );
}

function layoutChanged(infos: SheetInfo[]): void {
  const before = JSON.stringify(sheets);
  sheets = infos;
  if (JSON.stringify(infos) === before) return;
  const active = infos.find((s) => s.name === grid.sheet);
  if (!active) showSheet(infos.find((s) => !s.hidden)?.name ?? "");
  else grid.relayout(active);
  renderTabs();
}

// ---- dock panels ----

const executions = new ExecutionsPanel(byId("panel-executions"));
const triggers = new TriggersPanel(byId("panel-triggers"), (title, message) => dialogs.notice(title, message));
const outbox = new OutboxPanel(byId("panel-outbox"));
const dock = byId("dock");
let openPanel: string | null = null;

function refreshPanel(): void {
  if (openPanel === "triggers") void triggers.refresh();
  if (openPanel === "outbox") void outbox.refresh();
}

const dockButtons = Array.from(document.querySelectorAll<HTMLButtonElement>(".dock-buttons button"));
for (const button of dockButtons) {
  button.addEventListener("click", () => {
    openPanel = openPanel === button.dataset.panel ? null : button.dataset.panel!;
    dock.hidden = openPanel === null;
    dock.querySelectorAll<HTMLElement>(".panel").forEach((panel) => (panel.hidden = panel.dataset.panel !== openPanel));
    for (const b of dockButtons) b.classList.toggle("active", b.dataset.panel === openPanel);
    refreshPanel();
  });
}

// ---- user ----

const switcher = new UserSwitcher((email) => void switchUser(email));

async function switchUser(email: string): Promise<void> {
  try {
    await postJson("/api/user", { email });
  } catch (error) {
    dialogs.notice("ユーザーを切り替えられません", (error as Error).message);
    switcher.setUser(user);
  }
}

function signedIn(email: string): void {
  if (email === user) return;
  user = email;
  switcher.setUser(email);
  // As after signing in again in Sheets, the previous user's sidebar and dialogs are gone.
  sidebar.close();
  dialogs.closeAll();
}

// ---- server events ----

function show(request: UiRequest): void {
  if (request.kind === "alert" || request.kind === "prompt") dialogs.ask(request);
  else if (request.kind === "sidebar") sidebar.show(request.surface, request.title);
  else if (request.kind === "dialog") dialogs.htmlDialog(request);
  else dialogs.toast(request);
}

let refreshTimer = 0;
let usersTimer = 0;
subscribe({
  changed: ({ sheets: changed, infos, windows }) => {
    layoutChanged(infos);
    grid.changed(changed, windows);
    // The users come from the workbook (設定, 局区, 課題): the list follows its edits.
    clearTimeout(usersTimer);
    usersTimer = window.setTimeout(() => {
      // A refresh that fails (the server is stopping) leaves the list as it was.
      void getJson<SessionView>("/api/session").then((s) => switcher.render(s.users, user)).catch(() => undefined);
    }, 1000);
  },
  ui: show,
  "ui-closed": ({ id }) => dialogs.closeAsk(id),
  menus: (event) => {
    if (event.user === user) menubar.render(event.menus);
  },
  user: (event) => signedIn(event.user),
  execution: (execution: ExecutionView) => {
    executions.add(execution);
    clearTimeout(refreshTimer);
    refreshTimer = window.setTimeout(refreshPanel, 200);
  },
  clock: ({ now }) => triggers.setClock(now, clockRunning),
  selection: (selection: ActiveSelection) => {
    if (selection.sheet !== grid.sheet) showSheet(selection.sheet);
    grid.setSelection(selection);
  },
  busy: ({ entryPoint }) => {
    busy.hidden = entryPoint === null;
    busy.textContent = entryPoint ? "スクリプトを実行しています…" : "";
  },
});

listenToSurfaces(() => grid.focus());

// ---- start ----

async function start(): Promise<void> {
  const session = await getJson<SessionView>("/api/session");
  user = session.user;
  setSurfaceOrigin(session.surfaceOrigin);
  clockRunning = session.clockRunning;
  byId("doc-name").textContent = session.workbook.name;
  byId("doc-file").textContent = session.workbook.file;
  document.title = `${session.workbook.name} - プラチナ ワークベンチ`;
  switcher.render(session.users, session.user);
  menubar.render(session.menus);
  triggers.setClock(session.now, session.clockRunning);
  sheets = session.workbook.sheets;
  const wanted = /^#sheet=(.+)$/.exec(location.hash);
  showSheet(wanted ? decodeURIComponent(wanted[1]) : "");
  for (const request of session.pending) show(request);
  executions.show(await getJson<ExecutionView[]>("/api/executions"));
  // Opening the spreadsheet runs onOpen, which builds the add-on's menus.
  const opened = user;
  const { menus } = await postJson<{ menus: SessionView["menus"] }>("/api/open", {});
  if (user === opened) menubar.render(menus);
}

start().catch((error: Error) => dialogs.notice("ワークベンチを開けません", error.message));
