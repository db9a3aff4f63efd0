// The scenario editor of `treatysim serve`: CodeMirror 6 with YAML, and completion, hover
// and checking as you type from the scenario JSON Schema (codemirror-json-schema). The
// server's own error (the one `treatysim run` prints) is shown at its line beside them.
// Built by `npm run build` into src/serve/assets/editor.js, which the binary embeds.
import { EditorView, basicSetup } from 'codemirror';
import { setDiagnostics } from '@codemirror/lint';
import { yamlSchema } from 'codemirror-json-schema/yaml';

/** A new editor in `parent` holding `text`; `changed(text)` after every edit. */
export function create(parent, text, schema, changed, label) {
  return new EditorView({
    doc: text,
    parent,
    extensions: [
      basicSetup,
      yamlSchema(schema),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': label || 'Scenario' }),
      EditorView.updateListener.of((u) => {
        if (u.docChanged) changed(u.state.doc.toString());
      }),
    ],
  });
}

/** Shows the server's error at its line and column (1-based), or none. */
export function showError(view, error) {
  const doc = view.state.doc;
  const list = [];
  if (error && error.line > 0 && error.line <= doc.lines) {
    const line = doc.line(error.line);
    const from = Math.min(line.from + Math.max(0, (error.column || 1) - 1), line.to);
    list.push({
      from,
      to: Math.max(from, line.to),
      severity: 'error',
      source: 'treatysim',
      message: error.message + (error.help ? `\nhelp: ${error.help}` : ''),
    });
  }
  view.dispatch(setDiagnostics(view.state, list));
}

/** Replaces the whole text (applying a suggested change). */
export function setText(view, text) {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}
