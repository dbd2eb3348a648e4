// The properties panel's model helpers over bpmn-js: the business object, extension elements (found, or made when
// missing), documentation, the file's messages and errors, zeebe: values dropped once written in camunda:, and one
// Ångra step for a panel action that takes several modeling commands.
(function (root) {
  'use strict';

  /** One set of helpers per panel, over its modeler; `foreign` is ForeignSpellings. */
  root.PanelModel = function (modeler, foreign) {
    var modeling = modeler.get('modeling');
    var moddle = modeler.get('moddle');
    var canvas = modeler.get('canvas');
    var commandStack = modeler.get('commandStack');

    // One panel action may take several modeling commands (create the form, then add a field); run inside this
    // command they are one step for Ångra, as diagram-js records commands run in preExecute with their parent.
    function BatchHandler() {}
    BatchHandler.prototype.preExecute = function (context) { context.run(); };
    BatchHandler.prototype.execute = function () { return []; };
    BatchHandler.prototype.revert = function () { return []; };
    commandStack.registerHandler('boendekoordination.panelAction', BatchHandler);
    function asOneStep(run) { commandStack.execute('boendekoordination.panelAction', { run: run }); }

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

    function definitions() { return modeler.getDefinitions(); }
    function rootElementsOf(type) { return definitions().get('rootElements').filter(function (r) { return r.$type === type; }); }
    /** Adds a message or error to the file, as one of the steps of the panel action that needs it. */
    function addRootElement(element, type, props) {
      var made = modeler.get('bpmnFactory').create(type, props);
      made.$parent = definitions();
      modeling.updateModdleProperties(element, definitions(), { rootElements: definitions().get('rootElements').concat([made]) });
      return made;
    }

    return {
      asOneStep: asOneStep,
      bo: bo,
      isA: isA,
      findExt: findExt,
      create: create,
      ensureExt: ensureExt,
      documentationText: documentationText,
      splitList: splitList,
      dropZeebe: dropZeebe,
      isProcessStart: isProcessStart,
      rootElementsOf: rootElementsOf,
      addRootElement: addRootElement,
    };
  };
})(typeof window !== 'undefined' ? window : globalThis);
