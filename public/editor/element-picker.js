// Selecting an element from the keyboard: a list of every element of the diagram by name and kind, kept up to date as
// the diagram changes; picking one selects it on the canvas (the properties panel follows) and scrolls it into view.
(function () {
  'use strict';
  var kinds = {
    'bpmn:UserTask': 'Uppgift', 'bpmn:ServiceTask': 'Systemsteg', 'bpmn:ReceiveTask': 'Mottagning', 'bpmn:Task': 'Steg',
    'bpmn:StartEvent': 'Start', 'bpmn:EndEvent': 'Slut', 'bpmn:IntermediateCatchEvent': 'Händelse', 'bpmn:IntermediateThrowEvent': 'Händelse',
    'bpmn:BoundaryEvent': 'Händelse på kanten', 'bpmn:ExclusiveGateway': 'Val', 'bpmn:ParallelGateway': 'Parallellt', 'bpmn:EventBasedGateway': 'Vänta på första',
    'bpmn:InclusiveGateway': 'Val (flera)', 'bpmn:SequenceFlow': 'Flöde', 'bpmn:SubProcess': 'Delprocess', 'bpmn:Lane': 'Roll (bana)', 'bpmn:Participant': 'Deltagare',
  };

  window.ElementPicker = function (modeler, select) {
    var registry = modeler.get('elementRegistry');
    var selection = modeler.get('selection');
    var canvas = modeler.get('canvas');

    function label(element) {
      var bo = element.businessObject;
      var kind = kinds[element.type] || element.type.replace('bpmn:', '');
      return kind + ': ' + ((bo && bo.name && bo.name.trim()) || element.id);
    }

    function refresh() {
      var chosen = select.value;
      var elements = registry.filter(function (e) { return !e.labelTarget && e.type !== 'bpmn:Process' && e.type !== 'bpmn:Collaboration' && e.businessObject; });
      elements.sort(function (a, b) { return label(a).localeCompare(label(b), 'sv'); });
      select.textContent = '';
      var prompt = document.createElement('option');
      prompt.value = '';
      prompt.textContent = 'Välj ett element …';
      select.appendChild(prompt);
      elements.forEach(function (element) {
        var option = document.createElement('option');
        option.value = element.id;
        option.textContent = label(element);
        select.appendChild(option);
      });
      select.value = registry.get(chosen) ? chosen : '';
    }

    select.addEventListener('change', function () {
      var element = registry.get(select.value);
      if (!element) return;
      selection.select(element);
      if (element.waypoints || element.width) canvas.scrollToElement(element);
    });
    modeler.on('selection.changed', function (event) {
      var first = event.newSelection && event.newSelection[0];
      select.value = first && registry.get(first.id) ? first.id : '';
    });
    modeler.on('commandStack.changed', refresh);
    refresh();
  };
})();
