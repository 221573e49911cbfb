// The rule-set page: Ace on the file shown, with the compiler's errors as markers at their line and
// column; save as a new version; run the version's rule tests; backtest with live progress; deploy
// and roll back after a confirmation that says what changes. Every action calls the same handlers
// as the API, under /console/rulesets (session and CSRF). No inline script: the page's CSP allows none.
(function () {
  var page = document.getElementById("rule-set");
  var textarea = document.getElementById("source");
  if (!page || !textarea || !window.ace) {
    return;
  }
  var version = page.dataset.version;
  var file = textarea.dataset.file;

  // Ace's own styles come from its css files (the policy refuses the <style> it would add).
  ace.config.set("useStrictCSP", true);
  ace.config.set("basePath", textarea.closest("main").querySelector("script[src*='ace-builds']").src.replace(/\/ace\.js.*$/, ""));
  var holder = document.createElement("div");
  holder.id = "editor";
  textarea.parentNode.insertBefore(holder, textarea);
  textarea.hidden = true;
  var editor = ace.edit(holder, {
    value: textarea.value,
    mode: "ace/mode/" + textarea.dataset.mode,
    theme: "ace/theme/chrome",
    fontSize: 13,
    showPrintMargin: false,
    useWorker: false, // its syntax workers start from blob: URLs, which the policy refuses; the compiler checks
    useSoftTabs: true,
    tabSize: 4
  });
  window.vigilEditor = editor;
  var markers = [];

  function csrfHeaders(json) {
    var headers = {"Accept": "application/json"};
    if (json) {
      headers["Content-Type"] = "application/json";
    }
    var token = document.querySelector("meta[name='_csrf']");
    var header = document.querySelector("meta[name='_csrf_header']");
    if (token && header) {
      headers[header.content] = token.content;
    }
    return headers;
  }

  function call(method, path, body) {
    return fetch(path, {method: method, headers: csrfHeaders(body !== undefined), credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body)})
      .then(function (response) {
        var type = response.headers.get("Content-Type") || "";
        var read = type.indexOf("json") >= 0 ? response.json() : response.text().then(function (t) { return {detail: t}; });
        return read.then(function (data) { return {status: response.status, data: data}; });
      });
  }

  function text(element, value) {
    element.textContent = value;
    return element;
  }

  function el(tag, cls, value) {
    var e = document.createElement(tag);
    if (cls) {
      e.className = cls;
    }
    if (value !== undefined) {
      e.textContent = value;
    }
    return e;
  }

  function changedFiles() {
    var files = {};
    files[file] = editor.getValue();
    return files;
  }

  function clearMarkers() {
    markers.forEach(function (id) { editor.session.removeMarker(id); });
    markers = [];
    editor.session.clearAnnotations();
  }

  // Problems of this file become gutter annotations and an underline from the column to the line's end.
  function showProblems(errors, warnings) {
    clearMarkers();
    var box = document.getElementById("problems");
    box.replaceChildren();
    var annotations = [];
    var Range = ace.require("ace/range").Range;
    [["error", errors || []], ["warning", warnings || []]].forEach(function (group) {
      group[1].forEach(function (p) {
        var where = (p.file || "the rule set") + (p.line ? ":" + p.line + (p.column ? ":" + p.column : "") : "");
        var item = el("div", "problem " + group[0]);
        var link = el("a", "mono", where);
        link.href = "#";
        item.appendChild(link);
        item.appendChild(document.createTextNode(" " + p.message));
        box.appendChild(item);
        if (p.file === file && p.line) {
          var row = p.line - 1;
          var column = Math.max(0, (p.column || 1) - 1);
          annotations.push({row: row, column: column, text: p.message, type: group[0]});
          markers.push(editor.session.addMarker(new Range(row, column, row, Infinity), "problem-marker " + group[0], "text"));
          link.addEventListener("click", function (event) {
            event.preventDefault();
            editor.gotoLine(p.line, column, true);
            editor.focus();
          });
        }
      });
    });
    editor.session.setAnnotations(annotations);
    if (!box.children.length) {
      box.appendChild(el("p", "notice ok", "No errors: the rule set compiles."));
    }
  }

  function notice(box, ok, message) {
    box.replaceChildren(el("p", "notice " + (ok ? "ok" : "error"), message));
  }

  function pending(box, message) {
    box.replaceChildren(el("p", "notice", message));
  }

  var check = document.getElementById("check");
  if (!check) {
    // readers (auditors) see the rules; only analysts change them
    editor.setReadOnly(true);
  } else {
    check.addEventListener("click", function () {
      call("POST", "/console/rulesets/validate", {base: version, files: changedFiles()}).then(function (r) {
        if (r.status === 200 || r.status === 422) {
          showProblems(r.data.errors, r.data.warnings);
        } else {
          notice(document.getElementById("problems"), false, r.data.detail || ("HTTP " + r.status));
        }
      });
    });
  }

  var save = document.getElementById("save");
  if (save) {
    save.addEventListener("click", function () {
      var message = document.getElementById("message").value;
      call("POST", "/console/rulesets", {message: message, base: version, files: changedFiles()}).then(function (r) {
        if (r.status === 201) {
          window.location = "/console/rulesets/" + r.data.version + "?file=" + encodeURIComponent(file);
        } else if (r.status === 422) {
          showProblems(r.data.errors, r.data.warnings);
        } else {
          notice(document.getElementById("problems"), false, r.data.detail || ("HTTP " + r.status));
        }
      });
    });
  }

  var runTests = document.getElementById("run-tests");
  if (runTests) {
    runTests.addEventListener("click", function () {
      var box = document.getElementById("tests");
      pending(box, "Running the rule tests…");
      call("POST", "/console/rulesets/" + version + "/test").then(function (r) {
        if (r.status !== 200) {
          notice(box, false, r.data.detail || ("HTTP " + r.status));
          return;
        }
        box.replaceChildren(el("p", "notice " + (r.data.failed ? "error" : "ok"),
          r.data.passed + " of " + r.data.tests + " rule tests passed" + (r.data.failed ? ", " + r.data.failed + " failed" : "")));
        var list = el("ul", "test-results");
        r.data.results.forEach(function (t) {
          var item = el("li", t.passed ? "passed" : "failed");
          var link = el("a", "mono", (t.passed ? "✓ " : "✗ ") + t.file);
          link.href = "/console/rulesets/" + version + "?file=" + encodeURIComponent(t.file);
          item.appendChild(link);
          if (t.description) {
            item.appendChild(el("div", "hint", t.description));
          }
          t.differences.forEach(function (d) { item.appendChild(el("div", "difference mono", d)); });
          list.appendChild(item);
        });
        box.appendChild(list);
      });
    });
  }

  // Backtest: start, then poll its progress every half second until it is no longer running.
  var backtest = document.getElementById("backtest");
  var cancel = document.getElementById("backtest-cancel");
  var running = null;

  function showBacktest(p) {
    var progress = document.getElementById("backtest-progress");
    progress.hidden = false;
    var bar = document.getElementById("backtest-bar");
    bar.max = Math.max(1, p.total);
    bar.value = p.done;
    var status = p.state + ": " + p.done + " / " + p.total + " events";
    if (p.state === "running") {
      status += ", " + p.eventsPerSecond + " events/s" + (p.secondsLeft != null ? ", about " + p.secondsLeft + " s left" : "");
    }
    text(document.getElementById("backtest-status"), status);
    if (cancel) {
      cancel.hidden = p.state !== "running";
    }
    var box = document.getElementById("backtest-result");
    box.replaceChildren();
    if (p.error) {
      notice(box, false, p.error);
    }
    if (!p.result) {
      return;
    }
    var res = p.result;
    box.appendChild(el("p", "notice " + (res.classifiedDifferently ? "error" : "ok"), res.events + (res.events === 1 ? " event: " : " events: ")
      + res.classifiedDifferently + " classified differently, " + res.alerts.length + " alert keys, "
      + res.incidents.length + " incident subjects and " + res.services.length + " services differ."));
    var table = el("table", "backtest-diff");
    var head = el("tr");
    ["Active version", "This version", "Events", "For example"].forEach(function (h) { head.appendChild(el("th", null, h)); });
    table.appendChild(head);
    res.classifications.forEach(function (c) {
      var row = el("tr");
      row.appendChild(el("td", "mono", c.from));
      row.appendChild(el("td", "mono", c.to));
      row.appendChild(el("td", "mono", String(c.count)));
      row.appendChild(el("td", null, c.examples.map(function (e) {
        return "#" + e.eventId + " " + e.resource + "/" + e.check;
      }).join(", ")));
      table.appendChild(row);
    });
    [["alerts", "alerts opened for"], ["incidents", "incidents opened about"]].forEach(function (kind) {
      res[kind[0]].forEach(function (c) {
        var row = el("tr");
        row.appendChild(el("td", "mono", c.baseline + " " + kind[1] + " " + c.key));
        row.appendChild(el("td", "mono", c.candidate + " " + kind[1] + " " + c.key));
        row.appendChild(el("td", "mono", ""));
        row.appendChild(el("td", null, ""));
        table.appendChild(row);
      });
    });
    res.services.forEach(function (s) {
      var row = el("tr");
      row.appendChild(el("td", "mono", s.baselineChanges + " changes of " + s.service + ": " + s.onlyBaseline.join(", ")));
      row.appendChild(el("td", "mono", s.candidateChanges + " changes of " + s.service + ": " + s.onlyCandidate.join(", ")));
      row.appendChild(el("td", "mono", ""));
      row.appendChild(el("td", null, ""));
      table.appendChild(row);
    });
    box.appendChild(table);
  }

  function poll(id) {
    running = id;
    call("GET", "/console/rulesets/" + version + "/backtests/" + id).then(function (r) {
      if (r.status !== 200) {
        notice(document.getElementById("backtest-result"), false, r.data.detail || ("HTTP " + r.status));
        return;
      }
      showBacktest(r.data);
      if (r.data.state === "running") {
        window.setTimeout(function () { poll(id); }, 500);
      }
    });
  }

  if (backtest) {
    backtest.addEventListener("click", function () {
      var from = document.getElementById("backtest-from").value.trim();
      var to = document.getElementById("backtest-to").value.trim();
      var body = from || to ? {from: from, to: to}
        : {fromId: parseInt(document.getElementById("backtest-from-id").value, 10),
           toId: parseInt(document.getElementById("backtest-to-id").value, 10)};
      call("POST", "/console/rulesets/" + version + "/backtest", body).then(function (r) {
        if (r.status === 202) {
          poll(r.data.id);
        } else {
          notice(document.getElementById("backtest-result"), false, r.data.detail || ("HTTP " + r.status));
        }
      });
    });
    cancel.addEventListener("click", function () {
      if (running != null) {
        call("POST", "/console/rulesets/" + version + "/backtests/" + running + "/cancel");
      }
    });
  }
  document.querySelectorAll("a.show-backtest").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      poll(link.dataset.backtest);
    });
  });

  function activation(button, path, question) {
    if (!button) {
      return;
    }
    button.addEventListener("click", function () {
      if (!window.confirm(question)) {
        return;
      }
      var box = document.getElementById("deploy-result");
      pending(box, "Waiting for the engine…");
      call("POST", path).then(function (r) {
        if (r.status === 200) {
          window.location = "/console/rulesets/" + r.data.version;
        } else {
          notice(box, false, r.data.detail || ("HTTP " + r.status));
        }
      });
    });
  }
  var deploy = document.getElementById("deploy");
  activation(deploy, "/console/rulesets/" + version + "/deploy", deploy ? "Deploy rule set " + version.substring(0, 12)
    + "? Every event from now on is processed by it. Against the active version: " + deploy.dataset.summary : "");
  activation(document.getElementById("rollback"), "/console/rulesets/rollback",
    "Roll back to the version that was active before the current one?");
})();
