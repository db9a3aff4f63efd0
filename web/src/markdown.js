// The markdown of the schema's descriptions, for completion, hover and error tips:
// markdown-it as codemirror-json-schema uses it (raw HTML escaped, never rendered), without
// the shiki code highlighter it loads for fenced JavaScript, which the scenario schema
// never has (shiki was two thirds of the bundle).
import md from 'markdown-it';

const renderer = md({ html: false, linkify: false, typographer: true });

export function renderMarkdown(markdown, inline = true) {
  return inline ? renderer.renderInline(markdown) : renderer.render(markdown);
}
