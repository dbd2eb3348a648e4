// Shows the server's check result in the editor: a badge on each element concerned and a list that leads to it.
(function () {
  'use strict';

  window.CheckMarkers = function (modeler, summary, list) {
    var overlays = modeler.get('overlays');
    var registry = modeler.get('elementRegistry');
    var canvas = modeler.get('canvas');
    var selection = modeler.get('selection');
    var marked = [];

    function elementName(element) {
      var name = element && element.businessObject && element.businessObject.name;
      return name ? '”' + name + '”' : element ? element.id : 'Hela diagrammet';
    }

    function clear() {
      overlays.remove({ type: 'check' });
      marked.forEach(function (id) { if (registry.get(id)) canvas.removeMarker(id, 'has-check-error'); });
      marked = [];
      list.textContent = '';
    }

    function badge(elementId, findings, severity) {
      var element = registry.get(elementId);
      // The process itself has no place on the canvas; its findings are in the list only.
      if (!element || element === canvas.getRootElement()) return;
      var html = document.createElement('div');
      html.className = 'check-marker is-' + severity;
      html.textContent = findings.length === 1 ? (severity === 'error' ? '1 fel' : '1 varning') : findings.length + (severity === 'error' ? ' fel' : ' varningar');
      html.title = findings.map(function (f) { return f.message; }).join('\n');
      overlays.add(element, 'check', { position: { top: -14, right: severity === 'error' ? 14 : 70 }, html: html });
      if (severity === 'error' && element.waypoints === undefined) {
        canvas.addMarker(element, 'has-check-error');
        marked.push(elementId);
      }
    }

    function listItem(finding, severity) {
      var element = finding.elementId ? registry.get(finding.elementId) : null;
      var item = document.createElement('li');
      item.className = 'is-' + severity;
      var label = document.createElement('span');
      label.className = 'severity';
      label.textContent = severity === 'error' ? 'Fel:' : 'Varning:';
      item.appendChild(label);
      if (element) {
        var go = document.createElement('button');
        go.type = 'button';
        go.textContent = elementName(element);
        go.addEventListener('click', function () {
          // Nothing selected shows the process in the properties panel.
          selection.select(element === canvas.getRootElement() ? null : element);
          if (typeof canvas.scrollToElement === 'function') canvas.scrollToElement(element);
        });
        item.appendChild(go);
        item.appendChild(document.createTextNode(': '));
      } else if (finding.elementId) {
        item.appendChild(document.createTextNode(finding.elementId + ': '));
      }
      item.appendChild(document.createTextNode(finding.message));
      return item;
    }

    function byElement(findings) {
      var grouped = {};
      findings.forEach(function (f) { if (f.elementId) (grouped[f.elementId] = grouped[f.elementId] || []).push(f); });
      return grouped;
    }

    /** Replaces the markers and the list with this result: { problems, warnings } of /api/editor/check. */
    function show(result) {
      clear();
      var problems = result.problems || [];
      var warnings = result.warnings || [];
      var errorsBy = byElement(problems);
      var warningsBy = byElement(warnings);
      Object.keys(errorsBy).forEach(function (id) { badge(id, errorsBy[id], 'error'); });
      Object.keys(warningsBy).forEach(function (id) { badge(id, warningsBy[id], 'warning'); });
      problems.forEach(function (f) { list.appendChild(listItem(f, 'error')); });
      warnings.forEach(function (f) { list.appendChild(listItem(f, 'warning')); });
      if (problems.length === 0 && warnings.length === 0) summary.textContent = 'Inga fel eller varningar. Diagrammet kan publiceras.';
      else if (problems.length === 0) summary.textContent = 'Inga fel. ' + warnings.length + (warnings.length === 1 ? ' varning' : ' varningar') + ' att se över; de hindrar inte publicering.';
      else summary.textContent = problems.length + ' fel måste rättas innan diagrammet kan publiceras' + (warnings.length ? ', och ' + warnings.length + (warnings.length === 1 ? ' varning' : ' varningar') + ' att se över.' : '.');
    }

    return { show: show, clear: clear };
  };
})();
