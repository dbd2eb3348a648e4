// The panel's section of a service or send task: which handler from the server's catalogue it runs (its template)
// and that handler's fields, written as camunda:properties; a Camunda 8 task's headers and inputs show as its fields.
(function (root) {
  'use strict';

  /** Given the panel's tools: `ui`, `model`, `modeling`, `catalogue`, `foreign` and `render`. */
  root.ServiceSection = function (tools) {
    var ui = tools.ui;
    var model = tools.model;
    var modeling = tools.modeling;
    var catalogue = tools.catalogue;
    var foreign = tools.foreign;
    var h = ui.h, field = ui.field, textInput = ui.textInput, select = ui.select;
    var bo = model.bo;

    function templateOf(element) {
      var implementation = foreign.implementation(bo(element));
      return catalogue.templates.filter(function (t) { return t.properties[0].value === implementation; })[0] || null;
    }

    function serviceSection(element) {
      var template = templateOf(element);
      var options = [{ id: '', name: '— Välj vad steget gör —' }].concat(catalogue.templates.map(function (t) { return { id: t.id, name: t.name }; }));
      var nodes = [h('h3', { text: 'Vad steget gör' })];
      if (!template && foreign.implementation(bo(element))) {
        nodes.push(h('p', { class: 'field-error', text: 'Steget anropar "' + foreign.implementation(bo(element)) + '", som inte finns i katalogen. Välj en tjänst nedan.' }));
      }
      nodes.push(field('Tjänst', select(options, template ? template.id : '', function (id) {
        var chosen = catalogue.templates.filter(function (t) { return t.id === id; })[0];
        if (chosen) model.asOneStep(function () { applyTemplate(element, chosen); });
        tools.render(element);
      }), 'Tjänsterna är de som servern har registrerade; steget anropar aldrig något annat.'));
      if (!template) return nodes;
      nodes.push(h('p', { class: 'hint', text: 'Fälten tar fast text, eller FEEL som börjar med = och läser ärendets variabler (t.ex. =beslutsdatum).' }));
      var props = model.findExt(bo(element), 'camunda:Properties');
      var values = {};
      (props ? props.get('values') : []).forEach(function (p) { values[p.name] = p.value; });
      // Camunda 8's headers and inputs come after ours on the server too, so they are what runs.
      foreign.zeebeProperties(bo(element)).forEach(function (pair) { values[pair[0]] = pair[1]; });
      template.properties.slice(1).forEach(function (property) {
        var name = property.binding.name;
        var input = textInput(values[name], function (v) { model.asOneStep(function () { setProperty(element, name, v); }); });
        if (property.choices) {
          var list = h('datalist', { id: ui.nextId('choices') }, property.choices.map(function (c) { return h('option', { value: c.value, text: c.name }); }));
          input.setAttribute('list', list.id);
          nodes.push(list);
        }
        var required = property.constraints && property.constraints.notEmpty;
        var choices = property.choices ? 'Möjliga värden: ' + property.choices.map(function (c) { return c.value; }).join(', ') + '.' : null;
        nodes.push(field(property.label + (required ? ' (krävs)' : ''), input, choices));
      });
      return nodes;
    }

    function applyTemplate(element, template) {
      modeling.updateProperties(element, { implementation: template.properties[0].value });
      model.dropZeebe(element, 'zeebe:taskDefinition', null);
      if (!bo(element).name) modeling.updateLabel(element, template.name);
      var props = model.findExt(bo(element), 'camunda:Properties');
      if (!props) return;
      // Keep what still fits the chosen service; drop what it does not take.
      var names = template.properties.slice(1).map(function (p) { return p.binding.name; });
      var kept = props.get('values').filter(function (p) { return names.indexOf(p.name) !== -1; });
      modeling.updateModdleProperties(element, props, { values: kept });
    }

    /** Sets one property; a Camunda 8 task's headers and inputs move into camunda:properties with it, so one spelling runs. */
    function setProperty(element, name, value) {
      var inherited = foreign.zeebeProperties(bo(element)).filter(function (pair) { return pair[0] !== name; });
      var props = model.ensureExt(element, 'camunda:Properties', { values: [] });
      var taken = inherited.map(function (pair) { return pair[0]; }).concat([name]);
      var others = props.get('values').filter(function (p) { return taken.indexOf(p.name) === -1; })
        .concat(inherited.map(function (pair) { return model.create('camunda:Property', { name: pair[0], value: pair[1] }, props); }));
      var next = value.trim() ? others.concat([model.create('camunda:Property', { name: name, value: value.trim() }, props)]) : others;
      modeling.updateModdleProperties(element, props, { values: next });
      foreign.propertySources.forEach(function (type) { model.dropZeebe(element, type, null); });
    }

    return { service: serviceSection };
  };
})(typeof window !== 'undefined' ? window : globalThis);
