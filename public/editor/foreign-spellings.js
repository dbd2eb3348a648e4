// Diagrams drawn in Operaton Modeler (operaton:) or Camunda 8 (zeebe:) shown with their values, read as the server
// reads them (src/engine/definitions/normalize-spellings.ts, normalize-zeebe.ts), and written back in our camunda:
// spelling when edited, so what the panel shows is what runs. Pure functions over moddle objects: no DOM.
(function (root) {
  'use strict';

  var camundaUri = 'http://camunda.org/schema/1.0/bpmn';
  var operatonUri = 'http://operaton.org/schema/1.0/bpmn';
  // The same declaration the server rewrites: only the namespace changes, so operaton:formData is camunda:FormData.
  var operatonDeclaration = /(\sxmlns:[A-Za-z_][A-Za-z0-9_.-]*\s*=\s*)(["'])http:\/\/operaton\.org\/schema\/1\.0\/bpmn\2/g;
  var handlerName = /^[A-Za-z_][A-Za-z0-9_]*$/;

  /** The XML with Operaton's namespace read as Camunda's; `operaton` says whether the file had one. */
  function readOperatonAsCamunda(xml) {
    var operaton = false;
    var read = xml.replace(operatonDeclaration, function (all, before, quote) {
      operaton = true;
      return before + quote + camundaUri + quote;
    });
    return { xml: read, operaton: operaton };
  }

  /**
   * After import: the file's own operaton prefix names Operaton's schema again, so what the camunda schema knows is
   * saved as camunda: and anything it does not know keeps its own namespace.
   */
  function restoreOperatonDeclaration(definitions) {
    var attrs = definitions.$attrs || {};
    Object.keys(attrs).forEach(function (name) {
      if (name.indexOf('xmlns:') === 0 && name !== 'xmlns:camunda' && attrs[name] === camundaUri) attrs[name] = operatonUri;
    });
  }

  function extensions(bo) { return (bo.extensionElements && bo.extensionElements.values) || []; }
  function zeebe(bo, type) { return extensions(bo).filter(function (e) { return e.$type === type; })[0] || null; }
  function text(value) { return typeof value === 'string' ? value.trim() : ''; }

  /** `a, b` as it is, and a FEEL list of texts (`=["a","b"]`) as `a,b`, as the server reads zeebe's lists. */
  function staticList(value) {
    var raw = text(value);
    var list = /^=\s*\[(\s*"[^"\\]*"\s*(,\s*"[^"\\]*"\s*)*)\]\s*$/.exec(raw);
    if (!list) return raw;
    return list[1].split(',').map(function (s) { return s.trim().replace(/^"|"$/g, '').trim(); }).join(',');
  }

  /** A user task's roles: camunda:candidateGroups, else zeebe:assignmentDefinition's candidateGroups. */
  function candidateGroups(bo) {
    var own = text(bo.get ? bo.get('camunda:candidateGroups') : bo.candidateGroups);
    if (own) return own;
    var assignment = zeebe(bo, 'zeebe:assignmentDefinition');
    return assignment ? staticList(assignment.candidateGroups) : '';
  }

  /** A user task's due date: camunda:dueDate, else zeebe:taskSchedule's dueDate. */
  function dueDate(bo) {
    var own = text(bo.get ? bo.get('camunda:dueDate') : bo.dueDate);
    if (own) return own;
    var schedule = zeebe(bo, 'zeebe:taskSchedule');
    return schedule ? text(schedule.dueDate) : '';
  }

  /** A service task's implementation: its own, else the one zeebe:taskDefinition's type names. */
  function implementation(bo) {
    if (text(bo.implementation)) return text(bo.implementation);
    var definition = zeebe(bo, 'zeebe:taskDefinition');
    var type = definition ? text(definition.type) : '';
    return handlerName.test(type) ? '${environment.services.' + type + '}' : '';
  }

  /** Where a service task's properties come from in Camunda 8, as the server reads them (normalize-zeebe.ts). */
  var propertySources = ['zeebe:taskHeaders', 'zeebe:ioMapping', 'zeebe:properties'];

  /** A service task's zeebe task headers, input mappings and properties as [name, value] pairs, in order. */
  function zeebeProperties(bo) {
    var pairs = [];
    extensions(bo).forEach(function (ext) {
      (ext.$children || []).forEach(function (child) {
        if (ext.$type === 'zeebe:taskHeaders') pairs.push([String(child.key || ''), String(child.value || '')]);
        if (ext.$type === 'zeebe:ioMapping' && child.$type === 'zeebe:input') pairs.push([String(child.target || ''), String(child.source || '')]);
        if (ext.$type === 'zeebe:properties') pairs.push([String(child.name || ''), String(child.value || '')]);
      });
    });
    return pairs.filter(function (pair) { return pair[0]; });
  }

  /**
   * The extension values with the zeebe element of `type` losing `attributes` (null: all of it); the element goes when
   * nothing of it is left. `createAny(type, attrs)` makes the smaller copy (moddle's createAny), so the change is one command.
   * Returns null when there was nothing to take away.
   */
  function withoutZeebe(bo, type, attributes, createAny) {
    var found = zeebe(bo, type);
    if (!found) return null;
    var kept = {};
    Object.keys(found).forEach(function (key) {
      var dropped = attributes === null || attributes.indexOf(key) !== -1;
      if (key.charAt(0) !== '$' && typeof found[key] !== 'function' && !dropped && found[key] !== undefined) kept[key] = found[key];
    });
    var children = attributes !== null && found.$children && found.$children.length;
    var replacement = Object.keys(kept).length || children ? createAny(type, kept, found) : null;
    return extensions(bo).reduce(function (values, ext) {
      if (ext !== found) values.push(ext);
      else if (replacement) values.push(replacement);
      return values;
    }, []);
  }

  /** What the process owner is told about a diagram from another modeler, or null for one in our spelling. */
  function spellingNote(source) {
    var notes = [];
    if (operatonDeclaration.test(source)) notes.push('Diagrammet är ritat med operaton: (Operaton Modeler). Redigeraren läser det som camunda:, som betyder detsamma här, och sparar det så.');
    operatonDeclaration.lastIndex = 0;
    if (source.indexOf('http://camunda.org/schema/zeebe/1.0') !== -1) notes.push('Diagrammet är ritat för Camunda 8 (zeebe:). Roller, förfallodatum och tjänster visas som servern läser dem; det du ändrar sparas med camunda:.');
    return notes.length ? notes.join(' ') : null;
  }

  root.ForeignSpellings = {
    spellingNote: spellingNote,
    propertySources: propertySources,
    zeebeProperties: zeebeProperties,
    readOperatonAsCamunda: readOperatonAsCamunda,
    restoreOperatonDeclaration: restoreOperatonDeclaration,
    candidateGroups: candidateGroups,
    dueDate: dueDate,
    implementation: implementation,
    withoutZeebe: withoutZeebe,
  };
})(typeof window !== 'undefined' ? window : globalThis);
