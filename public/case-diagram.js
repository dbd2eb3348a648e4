// Case page: draws the process diagram with the bpmn-js NavigatedViewer and marks the completed path and the current position.
(function () {
  'use strict';
  var container = document.getElementById('case-diagram');
  var status = document.getElementById('case-diagram-status');
  if (!container) return;

  function say(text) {
    if (status) status.textContent = text;
  }
  function failed() {
    container.setAttribute('data-state', 'failed');
    say('Diagrammet kunde inte visas. Historiken nedan visar hela förloppet.');
  }
  function ids(attribute) {
    return (container.getAttribute(attribute) || '').split(' ').filter(Boolean);
  }

  window.loadBpmnDiagram(container)
    .then(function (viewer) {
      var canvas = viewer.get('canvas');
      var registry = viewer.get('elementRegistry');
      var done = ids('data-completed');
      var current = ids('data-active');
      var mark = function (id, marker) {
        if (registry.get(id)) canvas.addMarker(id, marker);
      };
      done.forEach(function (id) { mark(id, 'case-done'); });
      current.forEach(function (id) { mark(id, 'case-current'); });
      // A flow belongs to the completed path when the process left its source and reached its target.
      registry.filter(function (element) { return element.type === 'bpmn:SequenceFlow'; }).forEach(function (flow) {
        var source = flow.source && flow.source.id;
        var target = flow.target && flow.target.id;
        if (done.indexOf(source) >= 0 && (done.indexOf(target) >= 0 || current.indexOf(target) >= 0)) mark(flow.id, 'case-done');
      });
      canvas.zoom('fit-viewport', 'auto');
      // Buttons for those who do not use a mouse wheel: the 2–3 px text of a whole routine is read zoomed in.
      document.querySelectorAll('[data-diagram-zoom]').forEach(function (button) {
        button.addEventListener('click', function () {
          var how = button.getAttribute('data-diagram-zoom');
          if (how === 'fit') canvas.zoom('fit-viewport', 'auto');
          else canvas.zoom(canvas.zoom() * (how === 'in' ? 1.25 : 0.8));
        });
      });
      container.setAttribute('data-state', 'drawn');
      say('');
    })
    .catch(failed);
})();
