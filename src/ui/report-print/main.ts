// The print button: the page's own print CSS lays it out on A4 landscape.
document.getElementById("print")?.addEventListener("click", () => window.print());
