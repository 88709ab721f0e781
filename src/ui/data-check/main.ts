// Links of the data-check dialog: select the problem's cell in the sheet.
declare const google: any;

document.addEventListener("click", (event) => {
  const button = (event.target as HTMLElement).closest("button.cell") as HTMLButtonElement | null;
  if (!button) return;
  const feedback = document.getElementById("feedback") as HTMLElement;
  feedback.textContent = "";
  google.script.run
    .withFailureHandler((error: Error) => {
      feedback.textContent = `セルを選択できませんでした: ${error.message}`;
    })
    .selectCell(button.dataset.sheet, button.dataset.a1);
});
