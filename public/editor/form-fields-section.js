// The panel's form section of a user task or the process's start event: the camunda:formData fields, each with its
// id, label, type, role (a user field), required flag and choices (a list field), and buttons to add and remove.
(function (root) {
  'use strict';

  /** Given the panel's tools: `ui` (panel-dom.js), `model` (panel-model.js), `modeling`, `catalogue`, `render`. */
  root.FormFieldsSection = function (tools) {
    var ui = tools.ui;
    var model = tools.model;
    var modeling = tools.modeling;
    var catalogue = tools.catalogue;
    var h = ui.h, field = ui.field, textInput = ui.textInput, select = ui.select, checkbox = ui.checkbox, button = ui.button;
    var create = model.create, asOneStep = model.asOneStep;

    function formFieldsSection(element) {
      var formData = model.findExt(model.bo(element), 'camunda:FormData');
      var fields = formData ? formData.get('fields') : [];
      var nodes = [h('h3', { text: model.isProcessStart(element) ? 'Startformulär' : 'Formulär' })];
      if (!fields.length) nodes.push(h('p', { class: 'hint', text: 'Inga fält ännu.' }));
      fields.forEach(function (formField, index) {
        var validation = formField.get('validation');
        var constraints = validation ? validation.get('constraints') : [];
        var required = constraints.some(function (c) { return c.name === 'required'; });
        var box = h('fieldset', { class: 'form-field-editor' }, [h('legend', { text: 'Fält ' + (index + 1) + (formField.label ? ': ' + formField.label : '') })]);
        box.appendChild(field('Id (variabelns namn)', textInput(formField.id, function (v) { modeling.updateModdleProperties(element, formField, { id: v.trim() }); }), 'Bokstäver och siffror, t.ex. beslutsdatum.'));
        box.appendChild(field('Etikett', textInput(formField.label, function (v) { modeling.updateModdleProperties(element, formField, { label: v }); })));
        box.appendChild(field('Typ', select(catalogue.formFieldTypes, formField.type, function (v) {
          asOneStep(function () {
            // Choices belong to a list field only; they would linger unseen on any other type.
            modeling.updateModdleProperties(element, formField, v === 'enum' ? { type: v } : { type: v, values: [] });
            // A user field is refused without the role its users must hold; start from the first.
            setFieldProperty(element, formField, 'role', v === 'user' ? catalogue.roles[0].id : null);
          });
          tools.render(element);
        })));
        if (formField.type === 'user') {
          box.appendChild(field('Roll som användaren ska ha', select(catalogue.roles, fieldProperty(formField, 'role'), function (v) {
            setFieldProperty(element, formField, 'role', v);
          }), 'Listan i formuläret visar bara användare med den rollen.'));
        }
        box.appendChild(checkbox('Obligatoriskt', required, function (on) { asOneStep(function () { setRequired(element, formField, on); }); }));
        if (formField.type === 'enum') {
          var lines = (formField.get('values') || []).map(function (v) { return v.id + ' = ' + (v.name || ''); }).join('\n');
          box.appendChild(field('Val', textInput(lines, function (text) {
            var values = text.split('\n').map(function (line) { return line.trim(); }).filter(Boolean).map(function (line) {
              var parts = line.split('=');
              var id = parts.shift().trim();
              return create('camunda:Value', { id: id, name: (parts.join('=').trim() || id) }, formField);
            });
            modeling.updateModdleProperties(element, formField, { values: values });
          }, { multiline: true }), 'Ett val per rad: id = text som visas, t.ex. ja = Ja.'));
        }
        box.appendChild(button('Ta bort fältet', function () {
          modeling.updateModdleProperties(element, formData, { fields: formData.get('fields').filter(function (f) { return f !== formField; }) });
          tools.render(element);
        }, true));
        nodes.push(box);
      });
      nodes.push(button('Lägg till fält', function () {
        asOneStep(function () { addField(element); });
        tools.render(element);
      }, true));
      return nodes;
    }

    function addField(element) {
      var data = model.ensureExt(element, 'camunda:FormData', { fields: [] });
      var taken = data.get('fields').map(function (f) { return f.id; });
      var n = data.get('fields').length + 1;
      while (taken.indexOf('falt' + n) !== -1) n += 1;
      var made = create('camunda:FormField', { id: 'falt' + n, label: 'Nytt fält ' + n, type: 'string' }, data);
      modeling.updateModdleProperties(element, data, { fields: data.get('fields').concat([made]) });
    }

    function fieldProperty(formField, name) {
      var properties = formField.get('properties');
      var found = properties ? properties.get('values').filter(function (p) { return p.id === name; })[0] : null;
      return found ? found.value : null;
    }
    /** Sets (or with null removes) one camunda:property of a form field, e.g. the role of a user field. */
    function setFieldProperty(element, formField, name, value) {
      var properties = formField.get('properties');
      if (!properties) {
        if (value === null) return;
        properties = create('camunda:Properties', { values: [] }, formField);
        modeling.updateModdleProperties(element, formField, { properties: properties });
      }
      var values = properties.get('values').filter(function (p) { return p.id !== name; });
      if (value !== null) values.push(create('camunda:Property', { id: name, value: value }, properties));
      modeling.updateModdleProperties(element, properties, { values: values });
    }

    function setRequired(element, formField, on) {
      var validation = formField.get('validation');
      if (!validation) {
        validation = create('camunda:Validation', { constraints: [] }, formField);
        modeling.updateModdleProperties(element, formField, { validation: validation });
      }
      var constraints = validation.get('constraints').filter(function (c) { return c.name !== 'required'; });
      if (on) constraints.push(create('camunda:Constraint', { name: 'required' }, validation));
      modeling.updateModdleProperties(element, validation, { constraints: constraints });
    }

    return { formFields: formFieldsSection };
  };
})(typeof window !== 'undefined' ? window : globalThis);
