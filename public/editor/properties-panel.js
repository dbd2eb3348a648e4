// The editor's properties panel: only what our engine runs (names, documentation, roles, forms, timers, due dates,
// service tasks from the handler catalogue, FEEL conditions). Every change is a bpmn-js command, so Ångra works.
(function () {
  'use strict';

  var typeNames = {
    'bpmn:Process': 'Process',
    'bpmn:Participant': 'Deltagare',
    'bpmn:Lane': 'Bana',
    'bpmn:UserTask': 'Användaruppgift',
    'bpmn:ServiceTask': 'Tjänsteuppgift',
    'bpmn:SendTask': 'Sändande uppgift',
    'bpmn:ReceiveTask': 'Mottagande uppgift',
    'bpmn:Task': 'Uppgift',
    'bpmn:StartEvent': 'Starthändelse',
    'bpmn:EndEvent': 'Sluthändelse',
    'bpmn:IntermediateCatchEvent': 'Mellanliggande händelse',
    'bpmn:IntermediateThrowEvent': 'Mellanliggande händelse',
    'bpmn:BoundaryEvent': 'Gränshändelse',
    'bpmn:ExclusiveGateway': 'Exklusiv gateway',
    'bpmn:ParallelGateway': 'Parallell gateway',
    'bpmn:EventBasedGateway': 'Händelsebaserad gateway',
    'bpmn:InclusiveGateway': 'Inkluderande gateway',
    'bpmn:SequenceFlow': 'Flöde',
    'bpmn:CallActivity': 'Anropsaktivitet',
    'bpmn:SubProcess': 'Delprocess',
    'bpmn:TextAnnotation': 'Kommentar',
  };

  /** `options.routines`: a promise of the published routines ({ key, name }); `options.ownKey`: the routine edited. */
  window.PropertiesPanel = function (modeler, container, catalogue, api, options) {
    var foreign = window.ForeignSpellings;
    var modeling = modeler.get('modeling');
    var moddle = modeler.get('moddle');
    var canvas = modeler.get('canvas');
    var registry = modeler.get('elementRegistry');
    var eventBus = modeler.get('eventBus');
    var commandStack = modeler.get('commandStack');
    var current = null;
    var uid = 0;

    // One panel action may take several modeling commands (create the form, then add a field); run inside this
    // command they are one step for Ångra, as diagram-js records commands run in preExecute with their parent.
    function BatchHandler() {}
    BatchHandler.prototype.preExecute = function (context) { context.run(); };
    BatchHandler.prototype.execute = function () { return []; };
    BatchHandler.prototype.revert = function () { return []; };
    commandStack.registerHandler('boendekoordination.panelAction', BatchHandler);
    function asOneStep(run) { commandStack.execute('boendekoordination.panelAction', { run: run }); }

    // ---- small DOM helpers ----
    function h(tag, attrs, children) {
      var node = document.createElement(tag);
      Object.keys(attrs || {}).forEach(function (key) {
        if (key === 'text') node.textContent = attrs[key];
        else if (key in node && typeof attrs[key] !== 'string') node[key] = attrs[key];
        else node.setAttribute(key, attrs[key]);
      });
      (children || []).forEach(function (child) { if (child) node.appendChild(child); });
      return node;
    }
    function nextId(prefix) { uid += 1; return 'pp-' + prefix + '-' + uid; }
    function field(label, input, hint) {
      input.id = input.id || nextId('f');
      var hintNode = hint ? h('p', { class: 'hint', id: nextId('hint'), text: hint }) : null;
      if (hintNode) input.setAttribute('aria-describedby', hintNode.id);
      return h('div', { class: 'field' }, [h('label', { for: input.id, text: label }), input, hintNode]);
    }
    /** A text input that writes to the diagram when the value is committed (change), not on every key. */
    function textInput(value, commit, options) {
      var input = h(options && options.multiline ? 'textarea' : 'input', options && options.multiline ? { rows: '3' } : { type: 'text' });
      input.value = value || '';
      input.addEventListener('change', function () { commit(input.value); });
      return input;
    }
    function select(options, value, commit) {
      var node = h('select', {}, options.map(function (o) {
        var option = h('option', { value: o.id, text: o.name });
        if (o.id === value) option.selected = true;
        return option;
      }));
      node.addEventListener('change', function () { commit(node.value); });
      return node;
    }
    function checkbox(label, checked, commit) {
      var input = h('input', { type: 'checkbox', id: nextId('c') });
      input.checked = Boolean(checked);
      input.addEventListener('change', function () { commit(input.checked); });
      return h('div', { class: 'choice' }, [input, h('label', { for: input.id, class: 'choice', text: label })]);
    }
    function button(text, onClick, secondary) {
      var node = h('button', { type: 'button', class: secondary ? 'secondary' : '', text: text });
      node.addEventListener('click', onClick);
      return node;
    }

    // ---- model helpers ----
    function bo(element) { return element.businessObject; }
    function isA(element, type) { return bo(element).$instanceOf(type); }
    function extValues(businessObject) { return (businessObject.extensionElements && businessObject.extensionElements.get('values')) || []; }
    function findExt(businessObject, type) { return extValues(businessObject).filter(function (v) { return v.$type === type; })[0]; }
    function create(type, props, parent) {
      var created = moddle.create(type, props || {});
      if (parent) created.$parent = parent;
      return created;
    }
    /** The element's extension of `type` (camunda:FormData, camunda:Properties), created when missing. */
    function ensureExt(element, type, props) {
      var businessObject = bo(element);
      var ext = businessObject.extensionElements;
      if (!ext) {
        ext = create('bpmn:ExtensionElements', { values: [] }, businessObject);
        modeling.updateProperties(element, { extensionElements: ext });
      }
      var found = findExt(businessObject, type);
      if (found) return found;
      var made = create(type, props, ext);
      modeling.updateModdleProperties(element, ext, { values: ext.get('values').concat([made]) });
      return made;
    }
    function documentationText(businessObject) {
      return (businessObject.get('documentation') || []).map(function (d) { return d.text || ''; }).join('\n');
    }
    function splitList(value) { return (value || '').split(',').map(function (s) { return s.trim(); }).filter(Boolean); }
    /** Takes away what a zeebe: extension said once the panel wrote it in camunda: (foreign-spellings.js). */
    function dropZeebe(element, type, attributes) {
      var values = foreign.withoutZeebe(bo(element), type, attributes, function (anyType, attrs, original) {
        var made = moddle.createAny(anyType, 'http://camunda.org/schema/zeebe/1.0', attrs);
        if (original.$children) made.$children = original.$children;
        made.$parent = original.$parent;
        return made;
      });
      if (values) modeling.updateModdleProperties(element, bo(element).extensionElements, { values: values });
    }
    function isProcessStart(element) {
      return isA(element, 'bpmn:StartEvent') && !(bo(element).get('eventDefinitions') || []).length && element.parent === canvas.getRootElement();
    }

    // ---- sections ----
    function generalSection(element) {
      var nodes = [];
      var businessObject = bo(element);
      if (isA(element, 'bpmn:TextAnnotation')) {
        // A comment's words are its text, not a name; bpmn-js's label handling writes them there.
        nodes.push(field('Text', textInput(businessObject.text, function (value) { modeling.updateLabel(element, value); }, { multiline: true })));
      } else if (!isA(element, 'bpmn:Process')) {
        nodes.push(field('Namn', textInput(businessObject.name, function (value) { modeling.updateLabel(element, value); })));
      } else {
        nodes.push(field('Namn', textInput(businessObject.name, function (value) { modeling.updateProperties(element, { name: value }); }), 'Rutinens namn som det visas för handläggarna.'));
        var id = h('input', { type: 'text', readOnly: true });
        id.value = businessObject.id;
        nodes.push(field('Processens id', id, 'Id:t kan inte ändras: det binder ihop alla versioner av rutinen.'));
      }
      return nodes;
    }

    /** Last in the panel: what the step means matters, but the fields the engine reads come first. */
    function documentationField(element) {
      var businessObject = bo(element);
      return field('Dokumentation', textInput(documentationText(businessObject), function (value) {
        modeling.updateProperties(element, { documentation: value.trim() ? [create('bpmn:Documentation', { text: value })] : [] });
      }, { multiline: true }), 'Vad steget innebär, gärna med rutinens egen formulering.');
    }

    function roleCheckboxes(legend, selected, commit, hint) {
      var chosen = splitList(selected);
      var boxes = catalogue.roles.map(function (role) {
        return checkbox(role.name, chosen.indexOf(role.id) !== -1, function (on) {
          var next = catalogue.roles.map(function (r) { return r.id; }).filter(function (id) {
            return id === role.id ? on : chosen.indexOf(id) !== -1;
          });
          chosen = next;
          commit(next.join(','));
        });
      });
      var unknown = chosen.filter(function (id) { return !catalogue.roles.some(function (r) { return r.id === id; }); });
      return h('fieldset', { class: 'field' }, [
        h('legend', { text: legend }),
        hint ? h('p', { class: 'hint', text: hint }) : null,
        unknown.length ? h('p', { class: 'field-error', text: 'Okänd roll: ' + unknown.join(', ') + '. Välj bland rollerna nedan.' }) : null,
        h('div', { class: 'choices' }, boxes),
      ]);
    }

    function timerWordsLine(kind, value) {
      var line = h('p', { class: 'timer-words', 'aria-live': 'polite' });
      var timer = null;
      var asked = 0;
      function update(k, v) {
        clearTimeout(timer);
        var round = ++asked;
        if (!v.trim()) { line.textContent = ''; return; }
        timer = setTimeout(function () {
          api.timerWords(k, v).then(function (answer) {
            if (round !== asked) return; // an answer to an older value
            line.classList.toggle('is-error', !answer.ok);
            line.textContent = answer.ok ? 'Betyder: ' + answer.text : answer.message;
          }, function () { if (round === asked) line.textContent = 'Förhandsvisningen kunde inte hämtas.'; });
        }, 250);
      }
      update(kind, value);
      return { node: line, update: update };
    }

    function dueDateSection(element) {
      var value = foreign.dueDate(bo(element));
      var words = timerWordsLine('dueDate', value);
      var input = textInput(value, function (v) {
        asOneStep(function () {
          modeling.updateProperties(element, { 'camunda:dueDate': v.trim() || undefined });
          dropZeebe(element, 'zeebe:taskSchedule', ['dueDate']);
        });
      });
      input.addEventListener('input', function () { words.update('dueDate', input.value); });
      var wrap = field('Förfallodatum', input, 'Till exempel P14D (14 dagar efter att uppgiften skapats) eller =date(beslutsdatum) + duration("P3M"). Lämna tomt om uppgiften inte har något.');
      wrap.insertBefore(words.node, input.nextSibling);
      return wrap;
    }

    function formFieldsSection(element) {
      var formData = findExt(bo(element), 'camunda:FormData');
      var fields = formData ? formData.get('fields') : [];
      var nodes = [h('h3', { text: isProcessStart(element) ? 'Startformulär' : 'Formulär' })];
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
          render(element);
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
          render(element);
        }, true));
        nodes.push(box);
      });
      nodes.push(button('Lägg till fält', function () {
        asOneStep(function () { addField(element); });
        render(element);
      }, true));
      return nodes;
    }

    function addField(element) {
      var data = ensureExt(element, 'camunda:FormData', { fields: [] });
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

    function timerSection(element, definition) {
      // The kinds come from the server's catalogue; a timer without a value gets the first (a duration).
      var kindIds = catalogue.timerKinds.map(function (k) { return k.id; });
      var kind = kindIds.filter(function (k) { return definition.get(k); })[0] || kindIds[0];
      var value = definition.get(kind) ? definition.get(kind).body || '' : '';
      var words = timerWordsLine(kind, value);
      function commit(nextKind, nextValue) {
        // Clear the other kinds: a timer with more than one is refused at publish.
        var props = {};
        kindIds.forEach(function (k) { props[k] = undefined; });
        props[nextKind] = create('bpmn:FormalExpression', { body: nextValue.trim() }, definition);
        modeling.updateModdleProperties(element, definition, props);
      }
      var input = textInput(value, function (v) { commit(kind, v); }, { multiline: true });
      input.rows = 2;
      input.addEventListener('input', function () { words.update(kind, input.value); });
      var kindSelect = select(catalogue.timerKinds, kind, function (v) { kind = v; commit(kind, input.value); words.update(kind, input.value); });
      var nodes = [h('h3', { text: 'Timer' }), field('Sort', kindSelect)];
      var valueField = field('Värde', input, 'ISO 8601 som P14D, P3M, R/P3M eller 2027-04-30, eller FEEL som börjar med =, t.ex. ="R/" + string(date(beslutsdatum) + duration("P3M")) + "/P3M".');
      valueField.insertBefore(words.node, input.nextSibling);
      nodes.push(valueField);
      if (isA(element, 'bpmn:BoundaryEvent')) {
        nodes.push(checkbox('Avbryter uppgiften när timern löser ut', bo(element).cancelActivity !== false, function (on) {
          modeling.updateProperties(element, { cancelActivity: on });
        }));
      }
      return nodes;
    }

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
        if (chosen) asOneStep(function () { applyTemplate(element, chosen); });
        render(element);
      }), 'Tjänsterna är de som servern har registrerade; steget anropar aldrig något annat.'));
      if (!template) return nodes;
      nodes.push(h('p', { class: 'hint', text: 'Fälten tar fast text, eller FEEL som börjar med = och läser ärendets variabler (t.ex. =beslutsdatum).' }));
      var props = findExt(bo(element), 'camunda:Properties');
      var values = {};
      (props ? props.get('values') : []).forEach(function (p) { values[p.name] = p.value; });
      // Camunda 8's headers and inputs come after ours on the server too, so they are what runs.
      foreign.zeebeProperties(bo(element)).forEach(function (pair) { values[pair[0]] = pair[1]; });
      template.properties.slice(1).forEach(function (property) {
        var name = property.binding.name;
        var input = textInput(values[name], function (v) { asOneStep(function () { setProperty(element, name, v); }); });
        if (property.choices) {
          var list = h('datalist', { id: nextId('choices') }, property.choices.map(function (c) { return h('option', { value: c.value, text: c.name }); }));
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
      dropZeebe(element, 'zeebe:taskDefinition', null);
      if (!bo(element).name) modeling.updateLabel(element, template.name);
      var props = findExt(bo(element), 'camunda:Properties');
      if (!props) return;
      // Keep what still fits the chosen service; drop what it does not take.
      var names = template.properties.slice(1).map(function (p) { return p.binding.name; });
      var kept = props.get('values').filter(function (p) { return names.indexOf(p.name) !== -1; });
      modeling.updateModdleProperties(element, props, { values: kept });
    }

    /** Sets one property; a Camunda 8 task's headers and inputs move into camunda:properties with it, so one spelling runs. */
    function setProperty(element, name, value) {
      var inherited = foreign.zeebeProperties(bo(element)).filter(function (pair) { return pair[0] !== name; });
      var props = ensureExt(element, 'camunda:Properties', { values: [] });
      var taken = inherited.map(function (pair) { return pair[0]; }).concat([name]);
      var others = props.get('values').filter(function (p) { return taken.indexOf(p.name) === -1; })
        .concat(inherited.map(function (pair) { return create('camunda:Property', { name: pair[0], value: pair[1] }, props); }));
      var next = value.trim() ? others.concat([create('camunda:Property', { name: name, value: value.trim() }, props)]) : others;
      modeling.updateModdleProperties(element, props, { values: next });
      foreign.propertySources.forEach(function (type) { dropZeebe(element, type, null); });
    }

    function conditionSection(element) {
      var flow = bo(element);
      var source = flow.sourceRef;
      if (!source || !(source.$instanceOf('bpmn:ExclusiveGateway') || source.$instanceOf('bpmn:InclusiveGateway'))) return [];
      var sourceShape = registry.get(source.id);
      var isDefault = source.default === flow;
      var nodes = [h('h3', { text: 'Villkor' })];
      nodes.push(checkbox('Standardflöde (väljs när inget villkor gäller)', isDefault, function (on) {
        modeling.updateProperties(sourceShape, { default: on ? flow : undefined });
        render(element);
      }));
      if (!isDefault) {
        var body = flow.conditionExpression ? flow.conditionExpression.body || '' : '';
        nodes.push(field('Villkor (FEEL)', textInput(body, function (v) {
          modeling.updateProperties(element, { conditionExpression: v.trim() ? create('bpmn:FormalExpression', { body: v.trim() }) : undefined });
        }), 'Läser ärendets variabler, t.ex. svar = "ja" eller antalRum > 1.'));
      }
      return nodes;
    }

    function laneSection(element) {
      var tasks = (bo(element).get('flowNodeRef') || []).filter(function (node) { return node.$instanceOf('bpmn:UserTask'); });
      var role = catalogue.roles[0].id;
      var picker = select(catalogue.roles, role, function (v) { role = v; });
      return [
        h('h3', { text: 'Roll för banans uppgifter' }),
        field('Roll', picker, 'Banan har ' + tasks.length + (tasks.length === 1 ? ' användaruppgift' : ' användaruppgifter') + '.'),
        button('Ge banans användaruppgifter rollen', function () {
          asOneStep(function () {
            tasks.forEach(function (task) {
              var shape = registry.get(task.id);
              if (shape) modeling.updateProperties(shape, { 'camunda:candidateGroups': role });
            });
            if (!bo(element).name) modeling.updateLabel(element, catalogue.roles.filter(function (r) { return r.id === role; })[0].name);
          });
        }, true),
      ];
    }

    function definitions() { return modeler.getDefinitions(); }
    function rootElementsOf(type) { return definitions().get('rootElements').filter(function (r) { return r.$type === type; }); }
    /** Adds a message or error to the file, as one of the steps of the panel action that needs it. */
    function addRootElement(element, type, props) {
      var made = modeler.get('bpmnFactory').create(type, props);
      made.$parent = definitions();
      modeling.updateModdleProperties(element, definitions(), { rootElements: definitions().get('rootElements').concat([made]) });
      return made;
    }

    /** Which message a receive task or message event waits for; API clients deliver it by its name. */
    function messageSection(element, holder) {
      var messages = rootElementsOf('bpmn:Message');
      var chosen = holder.messageRef ? holder.messageRef.id : '';
      var options = [{ id: '', name: '— Välj meddelande —' }].concat(messages.map(function (m) { return { id: m.id, name: m.name || m.id }; }));
      var nodes = [h('h3', { text: 'Meddelande' })];
      nodes.push(field('Väntar på meddelandet', select(options, chosen, function (id) {
        var message = messages.filter(function (m) { return m.id === id; })[0];
        modeling.updateModdleProperties(element, holder, { messageRef: message || undefined });
      }), 'Meddelandet levereras till ärendet med sitt namn (POST /api/instances/:id/messages/:namn).'));
      var name = h('input', { type: 'text' });
      nodes.push(field('Eller ett nytt meddelande med namnet', name, 'Till exempel brukarenAvliden.'));
      nodes.push(button('Skapa och välj meddelandet', function () {
        var text = name.value.trim();
        if (!text) { name.focus(); return; }
        asOneStep(function () {
          var message = rootElementsOf('bpmn:Message').filter(function (m) { return m.name === text; })[0] || addRootElement(element, 'bpmn:Message', { name: text });
          modeling.updateModdleProperties(element, holder, { messageRef: message });
        });
        render(element);
      }, true));
      return nodes;
    }

    /** Which business error of a service an error boundary event catches, from the errors the handlers raise. */
    function errorSection(element, definition) {
      var caught = definition.errorRef ? definition.errorRef.errorCode : '';
      var options = [{ id: '', name: '— Välj fel —' }].concat(catalogue.businessErrors.map(function (e) { return { id: e.code, name: e.name + ' (' + e.code + ')' }; }));
      return [h('h3', { text: 'Fel som fångas' }), field('Fel', select(options, caught, function (code) {
        var known = catalogue.businessErrors.filter(function (e) { return e.code === code; })[0];
        asOneStep(function () {
          if (!known) return modeling.updateModdleProperties(element, definition, { errorRef: undefined });
          var error = rootElementsOf('bpmn:Error').filter(function (e) { return e.errorCode === code; })[0] || addRootElement(element, 'bpmn:Error', { name: known.name, errorCode: code });
          modeling.updateModdleProperties(element, definition, { errorRef: error });
        });
      }), 'Tjänsten i uppgiften som händelsen sitter på kan ge dessa fel; flödet fortsätter då härifrån.')];
    }

    /** A task without a type does nothing when a case reaches it; offer the two kinds the engine runs. */
    function typeChoice(element) {
      var reason = catalogue.refusedTypes[bo(element).$type];
      var replace = modeler.get('bpmnReplace');
      var turnInto = function (type) {
        return function () {
          var replaced = replace.replaceElement(element, { type: type });
          modeler.get('selection').select(replaced);
        };
      };
      return [
        h('p', { class: 'field-error', text: reason }),
        h('div', { class: 'form-actions' }, [
          button('Användaruppgift (någon fyller i ett formulär)', turnInto('bpmn:UserTask'), true),
          button('Tjänsteuppgift (systemet gör något)', turnInto('bpmn:ServiceTask'), true),
        ]),
      ];
    }

    function sectionsFor(element) {
      var businessObject = bo(element);
      var nodes = [];
      if (businessObject.$type === 'bpmn:Task' || businessObject.$type === 'bpmn:ManualTask') return generalSection(element).concat(typeChoice(element));
      if (catalogue.refusedTypes[businessObject.$type]) return [h('p', { class: 'field-error', text: catalogue.refusedTypes[businessObject.$type] })];
      nodes = nodes.concat(generalSection(element));
      if (isA(element, 'bpmn:Process')) {
        nodes.push(roleCheckboxes('Vem får starta ärenden', businessObject.get('camunda:candidateStarterGroups'), function (list) {
          modeling.updateProperties(element, { 'camunda:candidateStarterGroups': list || undefined });
        }, 'Lämna tomt om alla handläggare får starta.'));
      }
      if (isA(element, 'bpmn:UserTask')) {
        nodes.push(roleCheckboxes('Roll som utför uppgiften', foreign.candidateGroups(businessObject), function (list) {
          asOneStep(function () {
            modeling.updateProperties(element, { 'camunda:candidateGroups': list || undefined });
            dropZeebe(element, 'zeebe:assignmentDefinition', ['candidateGroups']);
          });
        }, 'Uppgiften visas i inkorgen för den som har någon av rollerna.'));
        nodes.push(dueDateSection(element));
        nodes = nodes.concat(structure.multiInstance(element));
        nodes = nodes.concat(formFieldsSection(element));
      }
      if (isA(element, 'bpmn:CallActivity')) nodes = nodes.concat(structure.callActivity(element));
      if (isProcessStart(element)) nodes = nodes.concat(formFieldsSection(element));
      if (isA(element, 'bpmn:ServiceTask') || isA(element, 'bpmn:SendTask')) nodes = nodes.concat(serviceSection(element));
      if (isA(element, 'bpmn:StartEvent')) nodes = nodes.concat(structure.eventStart(element));
      if (isA(element, 'bpmn:Event')) {
        (businessObject.get('eventDefinitions') || []).forEach(function (definition) {
          if (definition.$type === 'bpmn:TimerEventDefinition') nodes = nodes.concat(timerSection(element, definition));
          if (definition.$type === 'bpmn:MessageEventDefinition') nodes = nodes.concat(messageSection(element, definition));
          if (definition.$type === 'bpmn:ErrorEventDefinition') nodes = nodes.concat(errorSection(element, definition));
        });
      }
      if (isA(element, 'bpmn:ReceiveTask')) nodes = nodes.concat(messageSection(element, businessObject));
      if (isA(element, 'bpmn:SequenceFlow')) nodes = nodes.concat(conditionSection(element));
      if (isA(element, 'bpmn:Lane')) nodes = nodes.concat(laneSection(element));
      nodes.push(documentationField(element));
      return nodes;
    }

    function render(element) {
      current = element || canvas.getRootElement();
      if (current.labelTarget) current = current.labelTarget;
      var businessObject = bo(current);
      container.textContent = '';
      var typeName = businessObject.triggeredByEvent ? 'Händelsestyrd delprocess' : typeNames[businessObject.$type] || businessObject.$type.replace('bpmn:', '');
      container.appendChild(h('h2', { text: typeName + (businessObject.name ? ': ' + businessObject.name : '') }));
      container.appendChild(h('p', { class: 'hint', text: 'Id: ' + businessObject.id }));
      sectionsFor(current).forEach(function (node) { container.appendChild(node); });
    }

    var structure = window.StructureSections({
      ui: { h: h, field: field, select: select, checkbox: checkbox, textInput: textInput },
      modeling: modeling,
      moddle: moddle,
      render: function (element) { if (current === element) render(element); },
      routines: (options && options.routines) || Promise.resolve([]),
      ownKey: options && options.ownKey,
    });

    eventBus.on('selection.changed', function (event) { render(event.newSelection[0]); });
    // Undo/redo or a change on the canvas: redraw the panel, unless the user is typing in it. A press on a panel
    // button can itself end a label edit on the canvas; redrawing then would swap the button before its click lands,
    // so the redraw waits until the press is over.
    var pressed = false;
    var redrawAfterPress = false;
    function redraw() { render(registry.get(current.id) || null); }
    container.addEventListener('pointerdown', function () { pressed = true; }, true);
    document.addEventListener('pointerup', function () {
      if (!pressed) return;
      pressed = false;
      if (redrawAfterPress) {
        redrawAfterPress = false;
        setTimeout(function () { if (!container.contains(document.activeElement) || document.activeElement.tagName === 'BUTTON') redraw(); }, 0);
      }
    }, true);
    eventBus.on('elements.changed', function (event) {
      if (!current || !event.elements.some(function (e) { return e === current || e.id === current.id; })) return;
      if (pressed) redrawAfterPress = true;
      else if (!container.contains(document.activeElement)) redraw();
    });
    render(null);
    return { render: render, current: function () { return current; } };
  };
})();
