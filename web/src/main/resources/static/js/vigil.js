// Vigil console helpers: plain JS, no build step. The console's Content-Security-Policy runs no
// inline script, style or on…= handler, so behaviour is attached here instead.

// htmx would add its indicator styles as an inline <style>, which the policy refuses (and no page
// uses them). Deferred scripts run in order, before htmx reads its config on DOMContentLoaded.
if (window.htmx) {
  htmx.config.includeIndicatorStyles = false;
}

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
      body.dispatchEvent(new CustomEvent("vigil:rows", {bubbles: true}));
    });
  });
});

// Times: <time datetime="…Z"> elements hold UTC ("2026-11-21 10:00:00 UTC", what a page without
// JavaScript shows); here they are shown in the browser's time zone, with the zone named and the
// UTC text kept as the title.
function vigilTwoDigits(n) {
  return (n < 10 ? "0" : "") + n;
}

function vigilZoneName(date) {
  var parts = new Intl.DateTimeFormat(undefined, {timeZoneName: "short"}).formatToParts(date);
  var zone = parts.filter(function (p) { return p.type === "timeZoneName"; })[0];
  return zone ? zone.value : "";
}

function vigilLocalTimes(root) {
  root.querySelectorAll("time[datetime]:not([data-local])").forEach(function (element) {
    var date = new Date(element.getAttribute("datetime"));
    if (isNaN(date.getTime())) {
      return;
    }
    var text = date.getFullYear() + "-" + vigilTwoDigits(date.getMonth() + 1) + "-" + vigilTwoDigits(date.getDate())
      + " " + vigilTwoDigits(date.getHours()) + ":" + vigilTwoDigits(date.getMinutes()) + ":" + vigilTwoDigits(date.getSeconds());
    if (element.dataset.precision === "ms") {
      text += "." + String(date.getMilliseconds()).padStart(3, "0");
    }
    element.title = element.textContent.trim();
    element.textContent = text + " " + vigilZoneName(date);
    element.dataset.local = "true";
  });
}

document.addEventListener("DOMContentLoaded", function () {
  vigilLocalTimes(document);
});
document.addEventListener("vigil:rows", function (event) {
  vigilLocalTimes(event.target);
});

// Rows that htmx refreshes keep their times local and their check boxes ticked.
document.addEventListener("htmx:beforeSwap", function (event) {
  var checked = [];
  event.detail.target.querySelectorAll("input[type=checkbox]:checked").forEach(function (box) {
    checked.push(box.name + "=" + box.value);
  });
  event.detail.target.dataset.checked = JSON.stringify(checked);
});
document.addEventListener("htmx:afterSwap", function (event) {
  var target = event.detail.target;
  var checked = JSON.parse(target.dataset.checked || "[]");
  target.querySelectorAll("input[type=checkbox]").forEach(function (box) {
    box.checked = checked.indexOf(box.name + "=" + box.value) >= 0;
  });
  vigilLocalTimes(target);
});

// <form data-submit-on-change>: choosing a filter (a select or a check box) applies it.
document.addEventListener("change", function (event) {
  var form = event.target.form;
  if (form && form.hasAttribute("data-submit-on-change")
      && (event.target.tagName === "SELECT" || event.target.type === "checkbox")) {
    form.submit();
  }
});

// <form data-confirm="…"> or <button data-confirm="…">: asks before sending.
document.addEventListener("submit", function (event) {
  var asking = event.submitter && event.submitter.dataset.confirm ? event.submitter : event.target;
  var question = asking.dataset ? asking.dataset.confirm : undefined;
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});

// <input type="checkbox" data-select-all="ids">: ticks or clears every "ids" box of its form.
document.addEventListener("change", function (event) {
  var name = event.target.dataset ? event.target.dataset.selectAll : undefined;
  if (!name || !event.target.form) {
    return;
  }
  event.target.form.querySelectorAll("input[type=checkbox][name='" + name + "']").forEach(function (box) {
    box.checked = event.target.checked;
  });
});

// <input type="hidden" data-browser-zone> gets the browser's time zone, in which the form's date and
// time fields are meant (the server reads them as UTC without it); [data-browser-zone-name] shows it.
document.addEventListener("DOMContentLoaded", function () {
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone) {
    return;
  }
  document.querySelectorAll("input[data-browser-zone]").forEach(function (input) {
    input.value = zone;
  });
  document.querySelectorAll("[data-browser-zone-name]").forEach(function (element) {
    element.textContent = zone;
  });
});
