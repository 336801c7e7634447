// Portal:IdleCircuitTimeout. A tab nobody has touched for that long gives its circuit (the page's state held in the
// server's memory) back: Blazor.pauseCircuit() ends it on the server. When the person comes back (a key, a click, the
// tab shown again) the page reloads, signed in still while the cookie is valid, and the text they had typed into the
// page's text fields and had not saved is put back (kept in this tab's sessionStorage only until then).
(() => {
    const seconds = Number(document.querySelector('meta[name="idle-circuit-timeout"]')?.content);
    if (!(seconds > 0)) {
        return;
    }

    const storageKey = 'portal.idle-circuit.typed';
    const typedInto = new Set();
    let lastActivity = Date.now();
    let released = false;
    let releasing = false;

    const interactive = () => document.querySelector("main[data-interactive='true']") !== null;
    const textField = (e) => e instanceof HTMLTextAreaElement
        || (e instanceof HTMLInputElement && ['text', 'email', 'tel', 'url', 'search', 'number'].includes(e.type));

    // Only fields the person typed into on this page, by id; never passwords or codes of the account pages (static).
    document.addEventListener('input', (e) => {
        if (textField(e.target) && e.target.id) {
            typedInto.add(e.target.id);
        }
    }, true);

    const keepTyped = () => {
        const fields = [...typedInto].map((id) => document.getElementById(id)).filter((f) => f && textField(f) && f.value !== '')
            .map((f) => ({ id: f.id, value: f.value }));
        if (fields.length > 0) {
            sessionStorage.setItem(storageKey, JSON.stringify({ path: location.pathname + location.search, fields }));
        }
    };

    // Back after a release: put the typed text into the same fields once the new circuit has the page (an input and
    // a change event each, as typing gives), over what the reloaded page shows there (e.g. a suggested case label).
    const restoreTyped = () => {
        const saved = sessionStorage.getItem(storageKey);
        if (saved === null) {
            return;
        }

        sessionStorage.removeItem(storageKey);
        const { path, fields } = JSON.parse(saved);
        if (path !== location.pathname + location.search) {
            return;
        }

        const started = Date.now();
        const fill = () => {
            if (!interactive()) {
                if (Date.now() - started < 60000) {
                    setTimeout(fill, 200);
                }
                return;
            }

            for (const { id, value } of fields) {
                const field = document.getElementById(id);
                if (field && textField(field)) {
                    field.value = value;
                    field.dispatchEvent(new Event('input', { bubbles: true }));
                    field.dispatchEvent(new Event('change', { bubbles: true }));
                    typedInto.add(id);
                }
            }
        };
        fill();
    };

    const comeBack = () => {
        if (released) {
            location.reload();
        } else {
            lastActivity = Date.now();
        }
    };

    for (const name of ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input']) {
        window.addEventListener(name, comeBack, { capture: true, passive: true });
    }
    window.addEventListener('focus', comeBack);
    document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && comeBack());

    setInterval(async () => {
        // Blazor.pauseCircuit is there once the circuit has started, after this script has run.
        if (released || releasing || !interactive() || typeof window.Blazor?.pauseCircuit !== 'function'
            || Date.now() - lastActivity < seconds * 1000) {
            return;
        }

        releasing = true;
        try {
            keepTyped();
            released = await window.Blazor.pauseCircuit();
            if (!released) {
                sessionStorage.removeItem(storageKey);
            }
        } finally {
            releasing = false;
        }
    }, Math.min(seconds * 1000 / 2, 15000));

    restoreTyped();
})();
