// What the diagram editor offers: roles, form types, timer kinds and service-task templates from the handlers.
export { editorCatalogue, type EditorCatalogue } from './editor-catalogue.js';
