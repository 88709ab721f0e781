// A small add-on for the workbench's UI tests: menus, a sidebar calling the
// server, alerts and prompts, a dialog, a trigger that sends mail, a web app.
import { fixtureBundle } from "../../support/runtime";

const CODE = String.raw`
function onOpen(e) {
  var ui = SpreadsheetApp.getUi();
  ui.createAddonMenu()
    .addItem('サイドバーを開く', 'openPanel')
    .addItem('確認して書き込む', 'confirmWrite')
    .addItem('名前を聞く', 'askName')
    .addSeparator()
    .addSubMenu(ui.createMenu('その他').addItem('ダイアログを開く', 'openDialog').addItem('毎時トリガーを作る', 'installHourly'))
    .addToUi();
  ui.createMenu('テスト')
    .addItem('書いてから失敗する', 'writeThenFail')
    .addItem('利用者: ' + e.user.getEmail(), 'showWho')
    .addToUi();
}

function openPanel() {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('panel').setTitle('テストパネル'));
}

function openDialog() {
  var html = HtmlService.createHtmlOutput('<p id="d">ダイアログの中身</p>' +
      '<button id="wider" onclick="google.script.host.setWidth(400)">広げる</button>' +
      '<button id="close" onclick="google.script.host.close()">閉じる</button>')
    .setWidth(320).setHeight(160);
  SpreadsheetApp.getUi().showModalDialog(html, 'テストダイアログ');
}

function whoAmI() { return Session.getActiveUser().getEmail(); }
function showWho() { SpreadsheetApp.getActive().toast(Session.getActiveUser().getEmail(), '利用者'); }
function echo(value) { return { value: value, user: Session.getActiveUser().getEmail() }; }
function failLoudly() { throw new Error('わざと失敗しました'); }
function withDate() { return { at: new Date(0) }; }
function slow(i) { Utilities.sleep(10); return i; }
function hidden_() { return 'secret'; }

function writeThenFail() {
  SpreadsheetApp.getActiveSpreadsheet().getSheetByName('集計').getRange('F4').setValue('消えるはず');
  throw new Error('書いてから失敗しました');
}

function confirmWrite() {
  var ui = SpreadsheetApp.getUi();
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('集計');
  sheet.getRange('F1').setValue('確認中');
  var button = ui.alert('確認', '集計!F1 に書き込みますか？', ui.ButtonSet.YES_NO);
  sheet.getRange('F1').setValue(String(button) === 'YES' ? 'はい' : 'いいえ');
}

function askName() {
  var ui = SpreadsheetApp.getUi();
  var answer = ui.prompt('名前', 'お名前は？', ui.ButtonSet.OK_CANCEL);
  SpreadsheetApp.getActiveSpreadsheet().toast(answer.getResponseText() + ' さん（' + answer.getSelectedButton() + '）', '挨拶', 30);
}

function onEdit(e) {
  if (e.range.getSheet().getName() !== '集計' || e.range.getA1Notation() !== 'F3') return;
  e.range.offset(0, 1).setValue('新:' + e.value + ' 旧:' + e.oldValue);
}

function installHourly() {
  ScriptApp.newTrigger('hourly').timeBased().everyHours(1).create();
}

function hourly(e) {
  SpreadsheetApp.getActiveSpreadsheet().getSheetByName('集計').getRange('F2').setValue('毎時 ' + e.hour + '時');
  MailApp.sendEmail('jinji-ka@city.example', '定時連絡 ' + e.hour + '時', 'テキスト本文です',
    { htmlBody: '<p id="m">HTML <b>本文</b></p><script>parent.document.title = "hacked"</script>' });
}

function doGet(e) {
  var text = Session.getActiveUser().getEmail() + ' / ' + Session.getEffectiveUser().getEmail() + ' / ' + (e.parameter.q || '') + ' / ' + (e.pathInfo || '');
  return HtmlService.createHtmlOutput('<p id="v"></p><script>document.getElementById("v").textContent = ' + JSON.stringify(text) + ';</script>').setTitle('テストアプリ');
}

function doPost(e) {
  return ContentService.createTextOutput(JSON.stringify({ got: e.postData.contents, type: e.postData.type })).setMimeType(ContentService.MimeType.JSON);
}
`;

/** The sidebar: each call's outcome lands in an element the test reads. */
const PANEL = String.raw`<!DOCTYPE html>
<html><head><base target="_top"></head>
<body>
<div id="out"></div>
<button id="close" onclick="google.script.host.close()">閉じる</button>
<script>
function show(id, text) { var d = document.createElement('div'); d.id = id; d.textContent = text; document.getElementById('out').appendChild(d); }
var run = google.script.run;
run.withSuccessHandler(function (v, u) { show('echo', JSON.stringify(v) + ' ' + u); }).withUserObject('uo').echo({ list: [1, 'a', null], nested: { ok: true } });
run.withFailureHandler(function (e, u) { show('fail', e.message + ' ' + u + ' ' + (e instanceof Error)); }).withUserObject('uo2').failLoudly();
run.withFailureHandler(function (e) { show('date-arg', e.message); }).echo({ when: new Date() });
run.withFailureHandler(function (e) { show('fn-arg', e.message); }).echo([1, function () {}]);
run.withFailureHandler(function (e) { show('private', e.message); }).hidden_();
run.withFailureHandler(function (e) { show('missing', e.message); }).noSuchFunction();
run.withSuccessHandler(function (v) { show('date-return', String(v)); }).withDate();
run.withSuccessHandler(function (v) { show('who', v); }).whoAmI();
var base = google.script.run;
var derived = base.withSuccessHandler(function () {});
show('immutable', String(base !== derived && base.withSuccessHandler !== undefined));
</script>
</body></html>`;

export function fixtureAddon(): string {
  return fixtureBundle(CODE, { panel: PANEL });
}
