// Step navigation: one step shown at a time; ← → or k j move between steps, Home/End jump to the
// first/last, the address ends in #step-N so a step can be linked. Without script every step shows.
(() => {
  const steps = Array.from(document.querySelectorAll("section.step"));
  const links = Array.from(document.querySelectorAll("nav.steps a[data-step]"));
  if (steps.length === 0) return;
  document.documentElement.classList.add("js");
  let current = 0;
  function show(index, scroll) {
    current = Math.max(0, Math.min(steps.length - 1, index));
    steps.forEach((s, i) => { s.hidden = i !== current; });
    links.forEach((a, i) => {
      if (i === current) { a.setAttribute("aria-current", "step"); } else { a.removeAttribute("aria-current"); }
    });
    document.body.dataset.currentStep = steps[current].dataset.step;
    try { history.replaceState(null, "", "#" + steps[current].id); } catch (ignored) { /* some viewers forbid it */ }
    if (scroll && links[current]) links[current].scrollIntoView({ block: "nearest" });
  }
  document.addEventListener("keydown", (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.target instanceof HTMLElement && e.target.closest("input, textarea, select")) return;
    switch (e.key) {
      case "ArrowRight": case "j": show(current + 1, true); break;
      case "ArrowLeft": case "k": show(current - 1, true); break;
      case "Home": show(0, true); break;
      case "End": show(steps.length - 1, true); break;
      default: return;
    }
    e.preventDefault();
  });
  links.forEach((a, i) => a.addEventListener("click", (e) => { e.preventDefault(); show(i, false); }));
  const fromHash = steps.findIndex((s) => "#" + s.id === location.hash);
  show(fromHash >= 0 ? fromHash : 0, false);
})();
