// The alert console's list, kept live: <tbody data-alert-stream="/console/alerts/stream?…"> receives
// server-sent events for the alerts of its filter —
//   alerts: rendered rows; a row already shown is replaced in place (its tick kept), a new one goes
//           on top of the first page; with data-move-to-top (latest seen first) a changed row moves up
//   gone:   ids that no longer belong to the filter (cleared, acknowledged elsewhere, …)
//   counts: the counters per state
//   reload: too much changed at once, or the page may have missed changes: fetch the page again
// EventSource reconnects by itself to the same URL, whose "seen" says how far the page's data goes:
// the server answers a stream that missed changes with "reload" first. Ticks always survive.
document.addEventListener("DOMContentLoaded", function () {
  var body = document.querySelector("tbody[data-alert-stream]");
  if (!body) {
    return;
  }
  var firstPage = body.dataset.firstPage === "true";
  var moveToTop = body.dataset.moveToTop === "true";
  var max = parseInt(body.dataset.liveMax || "100", 10);

  function row(id) {
    return body.querySelector("tr[data-alert='" + id + "']");
  }

  function ticked() {
    var ids = {};
    body.querySelectorAll("input[name='ids']:checked").forEach(function (box) {
      ids[box.value] = true;
    });
    return ids;
  }

  function tick(root, ids) {
    root.querySelectorAll("input[name='ids']").forEach(function (box) {
      box.checked = ids[box.value] === true;
    });
  }

  function columns() {
    return body.closest("table").querySelectorAll("thead th").length;
  }

  // An empty list says so; a list with rows has no such line.
  function tidy() {
    var empty = body.querySelector("tr.empty");
    var rows = body.querySelectorAll("tr[data-alert]");
    if (rows.length > 0 && empty) {
      empty.remove();
    } else if (rows.length === 0 && !empty) {
      body.insertAdjacentHTML("afterbegin", "<tr class=\"empty\"><td class=\"muted\" colspan=\"" + columns()
        + "\">No alerts.</td></tr>");
    }
    // a page keeps its size; rows someone ticked stay
    var extra = body.querySelectorAll("tr[data-alert]").length - max;
    for (var i = body.rows.length - 1; i >= 0 && extra > 0; i--) {
      var last = body.rows[i];
      var box = last.querySelector("input[name='ids']");
      if (last.dataset.alert && !(box && box.checked)) {
        last.remove();
        extra--;
      }
    }
    body.dispatchEvent(new CustomEvent("vigil:rows", {bubbles: true}));
  }

  function show(html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    var ids = ticked();
    Array.prototype.slice.call(template.content.querySelectorAll("tr[data-alert]")).forEach(function (fresh) {
      tick(fresh, ids);
      var old = row(fresh.dataset.alert);
      if (old && moveToTop) {
        old.remove();
        body.insertBefore(fresh, body.firstChild);
      } else if (old) {
        old.replaceWith(fresh);
      } else if (firstPage) {
        body.insertBefore(fresh, body.firstChild);
      }
    });
    tidy();
  }

  function reload() {
    fetch(window.location.href, {headers: {"Accept": "text/html"}, credentials: "same-origin"})
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (text) {
        var page = text ? new DOMParser().parseFromString(text, "text/html") : null;
        var rows = page ? page.getElementById("alert-rows") : null;
        if (!rows) {
          return; // logged out or failing: the next change or reconnect tries again
        }
        var ids = ticked();
        body.innerHTML = rows.innerHTML;
        tick(body, ids);
        var counts = page.getElementById("alert-counts");
        if (counts) {
          document.getElementById("alert-counts").replaceWith(counts);
        }
        tidy();
      });
  }

  var source = new EventSource(body.dataset.alertStream);
  source.addEventListener("alerts", function (message) {
    show(message.data);
  });
  source.addEventListener("gone", function (message) {
    message.data.trim().split(/\s+/).forEach(function (id) {
      var gone = row(id);
      if (gone) {
        gone.remove();
      }
    });
    tidy();
  });
  source.addEventListener("counts", function (message) {
    var template = document.createElement("template");
    template.innerHTML = message.data.trim();
    var counts = template.content.getElementById("alert-counts");
    if (counts) {
      document.getElementById("alert-counts").replaceWith(counts);
    }
  });
  source.addEventListener("reload", reload);
});

// "n selected" next to the buttons, kept up to date as boxes are ticked and rows come and go.
function vigilCountSelected() {
  var label = document.querySelector("[data-selected-count]");
  if (label) {
    var n = document.querySelectorAll("#alert-rows input[name='ids']:checked").length;
    label.textContent = n + " selected";
  }
}
document.addEventListener("change", vigilCountSelected);
document.addEventListener("vigil:rows", vigilCountSelected);

// <input data-enter-clicks="button-id">: Enter in the field presses that button, not the form's first one.
document.addEventListener("keydown", function (event) {
  var target = event.target.dataset ? event.target.dataset.enterClicks : undefined;
  if (event.key === "Enter" && target) {
    event.preventDefault();
    document.getElementById(target).click();
  }
});
