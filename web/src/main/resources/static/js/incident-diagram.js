// The incident page's process diagram: bpmn-js's viewer (served from its WebJar) draws the BPMN
// the page names in data-src, then marks the nodes listed in data-current (the waiting task, and
// the escalation sub-process while the incident is open) with the class "current-step".
(function () {
  'use strict';
  function draw() {
    var box = document.getElementById('process-diagram');
    if (!box) {
      return;
    }
    if (typeof BpmnJS === 'undefined') {
      box.textContent = 'The diagram viewer did not load.';
      box.classList.add('failed');
      return;
    }
    var viewer = new BpmnJS({ container: box });
    fetch(box.dataset.src, { credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.text();
      })
      .then(function (xml) { return viewer.importXML(xml); })
      .then(function () {
        var canvas = viewer.get('canvas');
        canvas.zoom('fit-viewport');
        (box.dataset.current || '').split(' ').filter(Boolean).forEach(function (id) {
          canvas.addMarker(id, 'current-step');
        });
        box.classList.add('rendered');
      })
      .catch(function (error) {
        box.textContent = 'The diagram could not be drawn: ' + error.message;
        box.classList.add('failed');
      });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
