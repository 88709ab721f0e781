// A small add-on for the grid's browser tests: formatting as 初期設定 and the
// report set it (widths, header shading, borders), selection moves from a menu
// and from a sidebar (as データ点検's selectCell), a warning-only protection,
// and an onEdit that shows every edit the user makes (undo included).
import { fixtureBundle } from "../../support/runtime";

const CODE = String.raw`
function onOpen() {
  SpreadsheetApp.getUi().createMenu('グリッド')
    .addItem('書式を設定', 'formatSheet')
    .addItem('選択範囲を表示', 'showSelection')
    .addItem('セルを選ぶパネル', 'openPicker')
    .addItem('警告つきで保護', 'protectWithWarning')
    .addToUi();
}

function formatSheet() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('集計');
  sheet.setColumnWidth(6, 250);
  sheet.setColumnWidths(7, 2, 60);
  sheet.getRange('F1:G1').setBackground('#e8eef7').setFontWeight('bold');
  sheet.getRange('F1:G3').setBorder(true, true, true, true, null, null, '#ff0000', SpreadsheetApp.BorderStyle.SOLID_THICK);
  sheet.getRange('F1:G1').setBorder(null, null, true, null, null, null);
  sheet.getRange('F5:H5').setBackground('#d9e2f3');
  sheet.getRange('F5').setValue('1 継続検討課題の状況（市政変革推進室が進捗を確認するもの）').setFontWeight('bold');
}

function showSelection() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  ss.toast(ss.getActiveSheet().getName() + '!' + ss.getActiveRange().getA1Notation() + ' 現在 ' + ss.getCurrentCell().getA1Notation(), '選択', 30);
}

function openPicker() {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput(
    '<button id="pick" onclick="google.script.run.withSuccessHandler(function () { document.getElementById(\'done\').hidden = false; }).selectCell(\'局区\', \'B7\')">局区!B7 を選ぶ</button>' +
    '<p id="done" hidden>選びました</p>').setTitle('セルを選ぶ'));
}

function selectCell(sheetName, a1) {
  SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName).getRange(a1).activate();
}

function protectWithWarning() {
  SpreadsheetApp.getActiveSpreadsheet().getSheetByName('集計').getRange('F1:F5').protect().setDescription('見出し').setWarningOnly(true);
}

function onEdit(e) {
  if (e.range.getSheet().getName() !== '集計' || e.range.getColumn() !== 6) return;
  var log = e.range.getSheet().getRange('H1');
  log.setValue(String(log.getValue() || '') + '[' + e.range.getA1Notation() + '=' + (e.value || '') + ']');
}
`;

export function gridAddon(): string {
  return fixtureBundle(CODE);
}
