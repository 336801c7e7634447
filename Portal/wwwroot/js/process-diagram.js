// Draws a review's process diagram with the bundled Mermaid (wwwroot/lib/mermaid, no CDN).
// Mermaid's build is a classic script that sets globalThis.mermaid: it is added as a same-origin <script src>,
// which the CSP (script-src 'self') allows; nothing inline.
let loading;

function loadMermaid() {
    loading ??= new Promise((resolve, reject) => {
        if (globalThis.mermaid) {
            resolve(globalThis.mermaid);
            return;
        }

        const script = document.createElement('script');
        script.src = new URL('../lib/mermaid/mermaid.min.js', import.meta.url).href;
        script.onload = () => {
            // strict: no HTML labels or click handlers in the diagram text.
            // Drawn at its natural size in a scrolling box: fitted to the column, its labels are too small to read.
            globalThis.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'neutral', state: { useMaxWidth: false } });
            resolve(globalThis.mermaid);
        };
        script.onerror = () => reject(new Error('The diagram library could not be loaded.'));
        document.head.appendChild(script);
    });
    return loading;
}

let drawn = 0;

export async function render(element, text) {
    const mermaid = await loadMermaid();
    const { svg } = await mermaid.render(`process-diagram-svg-${++drawn}`, text);
    element.innerHTML = svg;
    // The page gives the same information as text (the list of stages): screen readers skip the drawing.
    element.querySelector('svg')?.setAttribute('aria-hidden', 'true');
    centreOnCurrentStage(element);
}

// Scrolls the diagram's box (not the page) so that the highlighted stage is in view.
function centreOnCurrentStage(element) {
    const box = element.parentElement;
    const node = element.querySelector('g.current');
    if (!box || !node) {
        return;
    }

    const n = node.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    box.scrollLeft += n.left - b.left - (b.width - n.width) / 2;
    box.scrollTop += n.top - b.top - (b.height - n.height) / 2;
}
