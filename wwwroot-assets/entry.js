// Keyboard moves of the entry form: Enter (or Shift+Enter) moves to the next (previous) cell,
// as Tab does, so that a column of figures is typed without the mouse; leaving the cell saves it
// (the browser fires its change event on blur).
export function attach(form) {
    if (!form || form.dataset.keys === "on") {
        return;
    }
    form.dataset.keys = "on";
    form.addEventListener("keydown", event => {
        if (event.key !== "Enter" || !event.target.classList.contains("entry-cell")) {
            return;
        }
        event.preventDefault();
        const cells = Array.from(form.querySelectorAll("input.entry-cell:not([disabled])"));
        const next = cells[cells.indexOf(event.target) + (event.shiftKey ? -1 : 1)];
        if (next) {
            next.focus();
            next.select();
        }
    });
}

export function confirmLeave(message) {
    return window.confirm(message);
}
