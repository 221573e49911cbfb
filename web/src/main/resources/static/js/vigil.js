// Vigil console helpers: plain JS, no build step. The console's Content-Security-Policy runs no
// inline script, style or on…= handler, so behaviour is attached here instead.

// htmx would add its indicator styles as an inline <style>, which the policy refuses (and no page
// uses them). Deferred scripts run in order, before htmx reads its config on DOMContentLoaded.
if (window.htmx) {
  htmx.config.includeIndicatorStyles = false;
}

// <select data-submit-on-change> submits its form when the choice changes (filters).
document.addEventListener("change", function (event) {
  if (event.target.matches("select[data-submit-on-change]")) {
    event.target.form.submit();
  }
});

// Sends the CSRF token with every htmx request that changes something (the console keeps CSRF on).
document.addEventListener("htmx:configRequest", function (event) {
  var token = document.querySelector("meta[name='_csrf']");
  var header = document.querySelector("meta[name='_csrf_header']");
  if (token && header && event.detail.verb !== "get") {
    event.detail.headers[header.content] = token.content;
  }
});

// Live tables: <tbody data-live-source="/stream-url" data-live-max="200"> gets the rows each
// server-sent "rows" message carries, newest on top. EventSource reconnects by itself and sends
// Last-Event-ID, so the server resumes after the last row this page has.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-live-source]").forEach(function (body) {
    var max = parseInt(body.dataset.liveMax || "200", 10);
    var source = new EventSource(body.dataset.liveSource);
    source.addEventListener("rows", function (message) {
      var empty = body.querySelector("tr.empty");
      if (empty) {
        empty.remove();
      }
      body.insertAdjacentHTML("afterbegin", message.data);
      while (body.rows.length > max) {
        body.deleteRow(-1);
      }
    });
  });
});
