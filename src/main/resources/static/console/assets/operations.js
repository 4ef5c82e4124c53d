// The operations screens answer a refused or failed action with an alert (role=alert) and an error status, aimed at
// the page's alert area by HX-Retarget. htmx leaves error answers unswapped by default; these are meant to be shown.
document.addEventListener("htmx:beforeSwap", (event) => {
  const xhr = event.detail.xhr;
  if (xhr.status >= 400 && xhr.getResponseHeader("HX-Retarget")) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});
