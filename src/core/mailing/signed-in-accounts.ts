// A web app can fail to open or to send when the browser is signed in to several
// Google accounts at once: Google documents it as a known limit and has closed the
// report as intended behaviour (guides/support/troubleshooting, "multiple Google
// accounts"). The forms' error pages and a failed send say what to do about it.

export const SIGNED_IN_ACCOUNTS_ADVICE =
  "ページが正しく開けない・送信できない場合は、ブラウザで複数の Google アカウントにログインしていることが原因かもしれません（Google の既知の制限です）。" +
  "メールのリンクをシークレット ウィンドウ（プライベート ウィンドウ）で開いて仕事用のアカウントだけでログインするか、ほかのアカウントからログアウトしてから、もう一度お試しください。";
