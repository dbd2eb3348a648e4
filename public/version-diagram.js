// Process page: draws each version's diagram with the bpmn-js NavigatedViewer the first time its <details> is opened.
(function () {
  'use strict';
  var sections = document.querySelectorAll('details.version-diagram');

  function draw(section) {
    var container = section.querySelector('[data-diagram-url]');
    var status = section.querySelector('.diagram-status');
    if (!container || container.getAttribute('data-state')) return;
    var say = function (text) { if (status) status.textContent = text; };
    var failed = function () {
      container.setAttribute('data-state', 'failed');
      say('Diagrammet kunde inte visas. Ladda ner BPMN-filen för att se det i ett annat verktyg.');
    };
    container.setAttribute('data-state', 'loading');
    say('Diagrammet laddas …');
    window.loadBpmnDiagram(container)
      .then(function (viewer) {
        viewer.get('canvas').zoom('fit-viewport', 'auto');
        container.setAttribute('data-state', 'drawn');
        say('');
      })
      .catch(failed);
  }

  Array.prototype.forEach.call(sections, function (section) {
    if (section.open) draw(section);
    section.addEventListener('toggle', function () { if (section.open) draw(section); });
  });
})();
