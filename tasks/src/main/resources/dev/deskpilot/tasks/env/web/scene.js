// deskpilot's web renderer: draws a task Scene (the same description the Swing backends render)
// as a page, keeps the app's state, and answers the environment's questions through the DevTools
// protocol: state() for the reward, locate()/place() for the oracle. The agent never sees these.
"use strict";
(function () {
  const POPUP = 100, MODAL = 200, DRAG = 300;
  let scene, theme, win, values, committed, frozen, inputs = 0, targets, wizard, popups, radios;

  const hex = (c) => "#" + c.toString(16).padStart(6, "0");
  const rgb = (c) => [(c >> 16) & 255, (c >> 8) & 255, c & 255];
  const mix = (a, b, t) => {
    const x = rgb(a), y = rgb(b);
    return (Math.round(x[0] + (y[0] - x[0]) * t) << 16) | (Math.round(x[1] + (y[1] - x[1]) * t) << 8)
        | Math.round(x[2] + (y[2] - x[2]) * t);
  };
  const lum = (c) => { const x = rgb(c); return (0.2126 * x[0] + 0.7152 * x[1] + 0.0722 * x[2]) / 255; };
  const dark = () => lum(theme.window) < 0.45;
  const danger = () => (dark() ? 0xef5350 : 0xc62828);
  const font = (size, bold) => (bold ? "bold " : "") + size + "px '" + theme.fontFamily + "', 'DejaVu Sans', sans-serif";

  function el(tag, bounds, css, parent) {
    const e = document.createElement(tag);
    e.style.position = "absolute";
    if (bounds) {
      Object.assign(e.style, { left: bounds.x + "px", top: bounds.y + "px", width: bounds.width + "px",
        height: bounds.height + "px" });
    }
    e.style.boxSizing = "border-box";
    Object.assign(e.style, css || {});
    (parent || win).appendChild(e);
    return e;
  }
  const text = (e, s, size, bold, color) => {
    Object.assign(e.style, { font: font(size, bold), color: hex(color), whiteSpace: "nowrap",
      display: "flex", alignItems: "center" });
    e.textContent = s;
    return e;
  };
  const set = (k, v) => { if (!frozen) values[k] = String(v); };
  const commit = (token) => { if (!frozen) { values.committed = token; frozen = true; } };
  const onClick = (e, f) => e.addEventListener("click", (ev) => { if (ev.button === 0) f(ev); });

  function buttonStyle(e, b) {
    const style = theme.buttonStyle, em = b.emphasis, h = b.bounds.height;
    const base = em === "PRIMARY" ? theme.accent : em === "DANGER" ? danger()
        : mix(theme.window, theme.text, dark() ? 0.18 : 0.08);
    let ink = em === "PRIMARY" ? theme.onAccent : em === "DANGER" ? 0xffffff : em === "SECONDARY" ? theme.text : theme.accent;
    const r = style === "PILL" ? h / 2 : Math.min(theme.radius, h / 2);
    const css = { borderRadius: r + "px", justifyContent: "center", cursor: "default", userSelect: "none" };
    if (style === "FILLED" || style === "PILL") {
      if (em !== "QUIET") css.background = hex(base);
      if (em === "SECONDARY") css.border = "1px solid " + hex(theme.border);
    } else if (style === "OUTLINE") {
      if (em !== "QUIET") css.border = (em === "PRIMARY" ? 2 : 1) + "px solid " + hex(em === "SECONDARY" ? theme.border : base);
      ink = em === "SECONDARY" ? theme.text : em === "QUIET" ? theme.accent : base;
    } else if (style === "BEVEL") {
      const face = em === "QUIET" ? theme.window : base;
      Object.assign(css, { background: hex(face), borderRadius: "0", borderStyle: "solid", borderWidth: "1px",
        borderColor: hex(mix(face, 0xffffff, 0.6)) + " " + hex(mix(face, 0, 0.45)) + " " + hex(mix(face, 0, 0.45))
            + " " + hex(mix(face, 0xffffff, 0.6)) });
    } else {
      if (em !== "QUIET") css.background = hex(mix(theme.window, base, 0.25));
      ink = em === "SECONDARY" ? theme.text : em === "QUIET" ? theme.accent : mix(base, theme.text, dark() ? 0 : 0.25);
    }
    Object.assign(e.style, css);
    text(e, b.label, Math.min(theme.fontSize, h - 8), em === "PRIMARY", ink);
    e.style.justifyContent = "center";
    e.style.overflow = "hidden";
  }

  function fieldStyle(e, focused) {
    const r = Math.min(theme.radius, 20), line = focused ? theme.accent : theme.border;
    const css = { background: hex(theme.field), border: "none", borderRadius: "0", outline: "none", boxShadow: "none" };
    if (theme.fieldStyle === "BOX") Object.assign(css, { border: (focused ? 2 : 1) + "px solid " + hex(line), borderRadius: r + "px" });
    else if (theme.fieldStyle === "UNDERLINE") css.borderBottom = (focused ? 2 : 1) + "px solid " + hex(line);
    else if (theme.fieldStyle === "INSET") Object.assign(css, { borderStyle: "solid", borderWidth: "1px",
      borderColor: hex(mix(theme.border, 0, 0.3)) + " " + hex(mix(theme.border, 0xffffff, 0.5)) + " "
          + hex(mix(theme.border, 0xffffff, 0.5)) + " " + hex(mix(theme.border, 0, 0.3)),
      boxShadow: focused ? "inset 0 0 0 1px " + hex(theme.accent) : "none" });
    else Object.assign(css, { background: hex(mix(theme.field, theme.text, 0.07)), borderRadius: r + "px",
      borderBottom: focused ? "2px solid " + hex(theme.accent) : "none" });
    Object.assign(e.style, css);
  }

  function label(w) {
    const e = el("div", w.bounds);
    text(e, w.text, w.size, w.bold || w.tone === "HEADING", w.tone === "MUTED" ? theme.muted : w.tone === "ACCENT" ? theme.accent : theme.text);
    return [e];
  }

  function panel(w) {
    const r = theme.radius;
    return [el("div", w.bounds, { background: w.filled ? hex(theme.surface) : "transparent",
      border: w.outlined ? "1px solid " + hex(theme.border) : "none", borderRadius: r + "px" })];
  }

  function button(w, layer) {
    const e = el("div", w.bounds, layer ? { zIndex: layer } : {});
    buttonStyle(e, w);
    onClick(e, () => {
      if (w.effect === "COMMIT") commit(w.id);
      else if (w.effect === "NEXT_PAGE") showPage(wizard.page + 1);
      else if (w.effect === "PREVIOUS_PAGE") showPage(wizard.page - 1);
    });
    targets[w.id] = e;
    return [e];
  }

  function paragraph(w) {
    const e = el("div", w.bounds, { font: font(w.size, false), color: hex(theme.text),
      lineHeight: "1.35", whiteSpace: "normal" });
    w.spans.forEach((s, i) => {
      if (i > 0) e.appendChild(document.createTextNode(" "));
      if (s.linkId) {
        const a = document.createElement("span");
        a.textContent = s.text;
        Object.assign(a.style, { color: hex(theme.accent), textDecoration: "underline", cursor: "pointer" });
        onClick(a, () => commit(s.linkId));
        e.appendChild(a);
        targets[s.linkId] = a;
      } else {
        e.appendChild(document.createTextNode(s.text));
      }
    });
    return [e];
  }

  function field(w, bounds, initial, password, placeholder, onChange) {
    const e = el("input", bounds, { font: font(Math.min(theme.fontSize, bounds.height - 10), false),
      color: hex(theme.text), padding: "2px " + Math.max(6, theme.fontSize / 2) + "px", caretColor: hex(theme.text) });
    e.type = password ? "password" : "text";
    e.value = initial;
    e.placeholder = placeholder;
    e.spellcheck = false;
    e.autocomplete = "off";
    fieldStyle(e, false);
    e.addEventListener("focus", () => fieldStyle(e, true));
    e.addEventListener("blur", () => fieldStyle(e, false));
    e.addEventListener("input", () => { if (frozen) return; onChange(e.value); });
    return e;
  }

  function textField(w) {
    set(w.id, w.initial);
    const e = field(w, w.bounds, w.initial, w.password, w.placeholder, (v) => set(w.id, v));
    targets[w.id] = e;
    return [e];
  }

  function check(w, round, on) {
    const e = el("div", w.bounds, { display: "flex", alignItems: "center", cursor: "default", userSelect: "none" });
    const size = theme.fontSize, box = Math.min(w.bounds.height - 4, size + 4);
    const mark = el("div", null, { position: "relative", width: box + "px", height: box + "px", flex: "none",
      borderRadius: round ? "50%" : Math.min(theme.radius, box / 3) + "px" }, e);
    const lab = el("div", null, { position: "relative", marginLeft: "8px" }, e);
    text(lab, w.label, size, false, theme.text);
    const paint = (value) => {
      if (round) {
        Object.assign(mark.style, { background: hex(theme.field), border: (value ? 2 : 1.3) + "px solid "
            + hex(value ? theme.accent : theme.border), boxShadow: value ? "inset 0 0 0 " + Math.round(box / 4) + "px "
            + hex(theme.field) + ", inset 0 0 0 " + box + "px " + hex(theme.accent) : "none" });
      } else {
        Object.assign(mark.style, { background: hex(value ? theme.accent : theme.field), border: "1.3px solid "
            + hex(value ? theme.accent : theme.border), color: hex(theme.onAccent), font: "bold " + Math.round(box * 0.8)
            + "px 'DejaVu Sans', sans-serif", display: "flex", alignItems: "center", justifyContent: "center" });
        mark.textContent = value ? "✓" : "";
      }
    };
    paint(on());
    targets[w.id] = e;
    return { e, paint };
  }

  function checkBox(w) {
    let on = w.checked;
    set(w.id, on);
    const c = check(w, false, () => on);
    onClick(c.e, () => { if (frozen) return; on = !on; set(w.id, on); c.paint(on); });
    return [c.e];
  }

  function radio(w) {
    if (w.selected) radios.choice[w.group] = w.id;
    if (!(w.group in values)) set(w.group, radios.choice[w.group] || "");
    const c = check(w, true, () => radios.choice[w.group] === w.id);
    (radios.members[w.group] = radios.members[w.group] || []).push(() => c.paint(radios.choice[w.group] === w.id));
    onClick(c.e, () => {
      if (frozen) return;
      radios.choice[w.group] = w.id;
      set(w.group, w.id);
      radios.members[w.group].forEach((p) => p());
    });
    return [c.e];
  }

  function closePopups() { popups.forEach((p) => p.remove()); popups = []; }

  function openPopup(rows, frame, keep) {
    if (!keep) {
      closePopups();
      const scrim = el("div", { x: 0, y: 0, width: scene.window.width, height: scene.window.height }, { zIndex: POPUP });
      scrim.addEventListener("mousedown", () => closePopups());
      popups.push(scrim);
    }
    const box = el("div", { x: frame.x - 1, y: frame.y - 1, width: frame.width + 2, height: frame.height + 2 },
      { zIndex: POPUP + 1, background: hex(theme.surface), border: "1px solid " + hex(theme.border),
        boxShadow: "3px 3px 0 rgba(0,0,0,0.16)" });
    popups.push(box);
    rows.forEach((r) => { r.style.zIndex = POPUP + 2; win.appendChild(r); popups.push(r); });
  }

  function dropdown(w) {
    let chosen = w.selected;
    set(w.id, chosen < 0 ? "" : w.options[chosen]);
    const size = Math.min(theme.fontSize, w.bounds.height - 10);
    const e = el("div", w.bounds, { paddingLeft: "10px", cursor: "default", userSelect: "none" });
    fieldStyle(e, false);
    const paint = () => {
      text(e, chosen < 0 ? w.placeholder : w.options[chosen], size, false, chosen < 0 ? theme.muted : theme.text);
      const arrow = el("div", { x: w.bounds.width - 26, y: 0, width: 16, height: w.bounds.height - 2 },
        { font: font(10, false), color: hex(theme.text), display: "flex", alignItems: "center" }, e);
      arrow.textContent = "▼";
    };
    paint();
    onClick(e, () => {
      if (frozen) return;
      const b = w.bounds, h = b.height, total = h * w.options.length;
      // Below the box if the options fit, else above it, else as low as they fit (as Dropdowns.popupY).
      const y = b.y + b.height + total <= scene.window.height ? b.y + b.height
          : b.y - total >= 0 ? b.y - total : Math.max(0, scene.window.height - total);
      const rows = w.options.map((o, i) => {
        const r = el("div", { x: b.x, y: y + i * h, width: b.width, height: h }, { paddingLeft: "10px",
          background: hex(i === chosen ? mix(theme.window, theme.accent, 0.22) : theme.surface) }, document.createElement("div"));
        text(r, o, size, false, theme.text);
        onClick(r, () => { chosen = i; set(w.id, o); closePopups(); paint(); });
        targets[w.id + "/" + i] = r;
        return r;
      });
      openPopup(rows, { x: b.x, y, width: b.width, height: total });
    });
    targets[w.id] = e;
    return [e];
  }

  function listBox(w) {
    let chosen = w.selected;
    set(w.id, chosen < 0 ? "" : w.items[chosen]);
    const e = el("div", w.bounds, { overflowY: "auto", overflowX: "hidden" });
    fieldStyle(e, false);
    const rows = w.items.map((item, i) => {
      const r = el("div", { x: 0, y: i * w.rowHeight, width: w.bounds.width - 2 - 14, height: w.rowHeight },
        { paddingLeft: "10px", borderBottom: "1px solid " + hex(mix(theme.field, theme.text, 0.1)) }, e);
      onClick(r, () => {
        if (frozen) return;
        if (w.commits) { commit(w.id + "/" + i); return; }
        chosen = i; set(w.id, item); paint();
      });
      targets[w.id + "/" + i] = r;
      return r;
    });
    const paint = () => rows.forEach((r, i) => {
      r.style.background = i === chosen ? hex(theme.accent) : i % 2 ? hex(mix(theme.field, theme.text, 0.035)) : "transparent";
      text(r, w.items[i], theme.fontSize, false, i === chosen ? theme.onAccent : theme.text);
    });
    paint();
    targets[w.id] = e;
    return [e];
  }

  function tabs(w) {
    let shown = w.selected;
    set(w.id, w.tabs[shown].id);
    const all = [el("div", w.bounds, { borderBottom: "1px solid " + hex(theme.border) })];
    targets[w.id] = all[0];
    const contents = w.tabs.map(() => []);
    const handles = w.tabs.map((t, i) => {
      const h = el("div", t.bounds, { justifyContent: "center", userSelect: "none", cursor: "default" });
      onClick(h, () => {
        if (frozen) return;
        shown = i; set(w.id, t.id); paintAll();
        contents.forEach((c, k) => c.forEach((e) => (e.style.display = k === i ? (e.dataset.display || "") : "none")));
      });
      targets[t.id] = h;
      all.push(h);
      return h;
    });
    const paintAll = () => handles.forEach((h, i) => {
      const on = i === shown, t = w.tabs[i], s = theme.buttonStyle, hh = t.bounds.height;
      Object.assign(h.style, { background: "transparent", border: "none", borderRadius: "0", borderBottom: "none" });
      let ink = theme.text;
      if (s === "FILLED" || s === "PILL") {
        if (on) Object.assign(h.style, { background: hex(theme.accent), borderRadius: (s === "PILL" ? hh / 2 : theme.radius) + "px" });
        ink = on ? theme.onAccent : theme.text;
      } else if (s === "OUTLINE" || s === "FLAT") {
        if (on) h.style.borderBottom = "3px solid " + hex(theme.accent);
        ink = on ? theme.accent : theme.muted;
      } else {
        Object.assign(h.style, { background: hex(on ? theme.window : mix(theme.window, theme.text, 0.08)),
          border: "1px solid " + hex(theme.border), borderBottom: on ? "1px solid " + hex(theme.window) : "none",
          borderRadius: theme.radius + "px " + theme.radius + "px 0 0" });
      }
      text(h, t.title, theme.fontSize, on, ink);
      h.style.justifyContent = "center";
    });
    paintAll();
    w.tabs.forEach((t, i) => t.content.forEach((c) => build(c).forEach((e) => {
      e.dataset.display = e.style.display;
      if (i !== shown) e.style.display = "none";
      contents[i].push(e);
    })));
    return all;
  }

  function showPage(page) {
    if (frozen || !wizard || page < 0 || page >= wizard.pages.length) return;
    wizard.page = page;
    wizard.pages.forEach((p, i) => p.forEach((e) => (e.style.display = i === page ? (e.dataset.display || "") : "none")));
    set(wizard.id, page);
  }

  function wizardOf(w) {
    wizard = { id: w.id, page: 0, pages: [] };
    const frame = el("div", w.bounds, { pointerEvents: "none" });
    targets[w.id] = frame;
    const all = [frame];
    w.pages.forEach((page, i) => {
      const built = [];
      page.forEach((c) => build(c).forEach((e) => { e.dataset.display = e.style.display; built.push(e); }));
      built.forEach((e) => { if (i !== 0) e.style.display = "none"; });
      wizard.pages.push(built);
      all.push(...built);
    });
    set(w.id, 0);
    return all;
  }

  function dialog(w) {
    const scrim = el("div", { x: 0, y: 0, width: scene.window.width, height: scene.window.height },
      { zIndex: MODAL, background: "rgba(0,0,0,0.376)" });
    const box = el("div", w.bounds, { zIndex: MODAL, background: hex(theme.surface), border: "1px solid " + hex(theme.border),
      borderRadius: theme.radius + "px", boxShadow: "4px 6px 0 rgba(0,0,0,0.235)", padding: "16px 20px",
      color: hex(theme.text) });
    const title = el("div", null, { position: "relative", font: font(theme.fontSize + 3, true), marginBottom: "14px" }, box);
    title.textContent = w.title;
    const msg = el("div", null, { position: "relative", font: font(theme.fontSize, false), lineHeight: "1.3" }, box);
    msg.textContent = w.message;
    targets[w.id] = box;
    return [scrim, box, ...w.buttons.flatMap((b) => button(b, MODAL + 1))];
  }

  function menuBar(w) {
    const bar = el("div", w.bounds, { background: hex(mix(theme.window, theme.text, 0.05)),
      borderBottom: "1px solid " + hex(theme.border) });
    targets[w.id] = bar;
    const all = [bar];
    const rows = (items, at) => items.map((item, i) => {
      const sub = item.submenu.length > 0, y = at.y + i * w.itemHeight;
      const r = el("div", { x: at.x, y, width: w.itemWidth, height: w.itemHeight },
        { paddingLeft: "14px", background: hex(theme.surface) }, document.createElement("div"));
      text(r, item.label, theme.fontSize, false, theme.text);
      if (sub) {
        const arrow = el("div", { x: w.itemWidth - 22, y: 0, width: 12, height: w.itemHeight },
          { font: font(10, false), display: "flex", alignItems: "center", color: hex(theme.text) }, r);
        arrow.textContent = "▶";
      }
      onClick(r, () => {
        if (frozen) return;
        if (sub) {
          const next = { x: at.x + w.itemWidth - 4, y };
          openPopup(rows(item.submenu, next), { x: next.x, y, width: w.itemWidth, height: w.itemHeight * item.submenu.length }, true);
        } else {
          closePopups();
          commit(item.id);
        }
      });
      targets[item.id] = r;
      return r;
    });
    w.menus.forEach((m) => {
      const t = el("div", m.bounds, { justifyContent: "center", userSelect: "none", cursor: "default" });
      text(t, m.title, theme.fontSize, false, theme.text);
      t.style.justifyContent = "center";
      onClick(t, () => {
        if (frozen) return;
        const at = { x: m.bounds.x, y: w.bounds.y + w.bounds.height };
        openPopup(rows(m.items, at), { x: at.x, y: at.y, width: w.itemWidth, height: w.itemHeight * m.items.length });
      });
      targets[m.id] = t;
      all.push(t);
    });
    return all;
  }

  function dragItem(w) {
    const e = el("div", w.bounds, { background: hex(theme.surface), border: "1px solid " + hex(theme.border),
      borderRadius: theme.radius + "px", paddingLeft: "24px", userSelect: "none", cursor: "grab", touchAction: "none" });
    text(e, w.label, theme.fontSize, false, theme.text);
    const grip = el("div", { x: 8, y: w.bounds.height / 2 - 6, width: 8, height: 12 },
      { borderTop: "2px solid " + hex(theme.muted), borderBottom: "2px solid " + hex(theme.muted) }, e);
    el("div", { x: 0, y: 3, width: 8, height: 2 }, { background: hex(theme.muted) }, grip);
    let grab = null;
    e.addEventListener("pointerdown", (ev) => {
      if (frozen || ev.button !== 0) return;
      grab = { dx: ev.clientX - e.offsetLeft, dy: ev.clientY - e.offsetTop };
      e.setPointerCapture(ev.pointerId);
      e.style.zIndex = DRAG;
    });
    e.addEventListener("pointermove", (ev) => {
      if (!grab) return;
      e.style.left = ev.clientX - grab.dx + "px";
      e.style.top = ev.clientY - grab.dy + "px";
    });
    e.addEventListener("pointerup", (ev) => {
      if (!grab) return;
      grab = null;
      Object.assign(e.style, { left: w.bounds.x + "px", top: w.bounds.y + "px", zIndex: "" });
      const wr = win.getBoundingClientRect(), x = ev.clientX - wr.left, y = ev.clientY - wr.top;
      for (const z of zones) {
        const b = z.bounds;
        if (x >= b.x && y >= b.y && x < b.x + b.width && y < b.y + b.height) { commit(w.id + "@" + z.id); return; }
      }
    });
    targets[w.id] = e;
    return [e];
  }
  let zones = [];

  function dropZone(w) {
    const e = el("div", w.bounds, { background: hex(mix(theme.window, theme.accent, 0.22)),
      border: "2px dashed " + hex(theme.accent), borderRadius: theme.radius + "px", justifyContent: "center" });
    text(e, w.label, theme.fontSize, true, theme.text);
    e.style.justifyContent = "center";
    targets[w.id] = e;
    return [e];
  }

  // The one slider rule, as SliderGeometry has it in Java.
  const VALUE_BOX = 56, THUMB = 9;
  function slider(w) {
    let value = w.value;
    set(w.id, value);
    const b = w.bounds, x0 = THUMB, x1 = b.width - VALUE_BOX - THUMB, cy = Math.floor(b.height / 2);
    const xOf = (v) => x0 + Math.round((v - w.min) * (x1 - x0) / (w.max - w.min));
    const valueAt = (x) => Math.max(w.min, Math.min(w.max, w.min + Math.round((x - x0) * (w.max - w.min) / (x1 - x0))));
    const e = el("div", b, { touchAction: "none", userSelect: "none" });
    const track = el("div", { x: x0, y: cy - 2, width: x1 - x0, height: 4 }, { background: hex(mix(theme.window, theme.text, 0.2)), borderRadius: "2px" }, e);
    const fill = el("div", { x: x0, y: cy - 2, width: 0, height: 4 }, { background: hex(theme.accent), borderRadius: "2px" }, e);
    const thumb = el("div", { x: 0, y: cy - THUMB, width: 2 * THUMB, height: 2 * THUMB }, { background: hex(theme.field),
      border: "2.5px solid " + hex(theme.accent), borderRadius: "50%" }, e);
    const out = el("div", { x: b.width - VALUE_BOX + 10, y: 0, width: VALUE_BOX - 10, height: b.height }, {}, e);
    const paint = () => {
      thumb.style.left = xOf(value) - THUMB + "px";
      fill.style.width = xOf(value) - x0 + "px";
      text(out, String(value), theme.fontSize, true, theme.text);
    };
    paint();
    let grab = null;
    const to = (x) => { if (!frozen) { value = valueAt(x); set(w.id, value); paint(); } };
    e.addEventListener("pointerdown", (ev) => {
      if (ev.button !== 0) return;
      const x = ev.clientX - e.getBoundingClientRect().left, t = xOf(value);
      grab = Math.abs(x - t) <= THUMB + 2 && Math.abs(x - t) > 2 ? x - t : 0;
      e.setPointerCapture(ev.pointerId);
      if (x - grab !== t) to(x - grab);
    });
    e.addEventListener("pointermove", (ev) => {
      if (grab === null) return;
      to(ev.clientX - e.getBoundingClientRect().left - grab);
    });
    e.addEventListener("pointerup", (ev) => {
      if (grab === null) return;
      to(ev.clientX - e.getBoundingClientRect().left - grab);
      grab = null;
    });
    targets[w.id] = e;
    targets[w.id + "#thumb"] = thumb;
    return [e];
  }

  function spinner(w) {
    const b = w.bounds, arrows = Math.max(18, Math.floor(b.height * 2 / 3));
    set(w.id, w.value);
    const f = field(w, { x: b.x, y: b.y, width: b.width - arrows, height: b.height }, String(w.value), false, "",
      (v) => set(w.id, v.trim()));
    const all = [f];
    [1, -1].forEach((dir) => {
      const h = dir > 0 ? Math.floor(b.height / 2) : b.height - Math.floor(b.height / 2);
      const y = dir > 0 ? b.y : b.y + Math.floor(b.height / 2);
      const a = el("div", { x: b.x + b.width - arrows, y, width: arrows, height: h }, { background: hex(mix(theme.window, theme.text, 0.1)),
        border: "1px solid " + hex(theme.border), font: font(9, false), color: hex(theme.text), display: "flex",
        alignItems: "center", justifyContent: "center", userSelect: "none" });
      a.textContent = dir > 0 ? "▲" : "▼";
      onClick(a, () => {
        if (frozen) return;
        let v = parseInt(f.value.trim(), 10);
        if (isNaN(v) || String(v) !== f.value.trim()) v = w.value;
        f.value = String(Math.max(w.min, Math.min(w.max, v + dir)));
        set(w.id, f.value);
      });
      targets[w.id + (dir > 0 ? "#up" : "#down")] = a;
      all.push(a);
    });
    targets[w.id] = f;
    return all;
  }

  function build(w) {
    const built = make(w);
    if (!(w.id in targets)) targets[w.id] = built[0];
    return built;
  }

  function make(w) {
    switch (w.kind) {
      case "Label": return label(w);
      case "Panel": return panel(w);
      case "Button": return button(w);
      case "Paragraph": return paragraph(w);
      case "TextField": return textField(w);
      case "CheckBox": return checkBox(w);
      case "Radio": return radio(w);
      case "Dropdown": return dropdown(w);
      case "ListBox": return listBox(w);
      case "Tabs": return tabs(w);
      case "Wizard": return wizardOf(w);
      case "Dialog": return dialog(w);
      case "MenuBar": return menuBar(w);
      case "DragItem": return dragItem(w);
      case "DropZone": return dropZone(w);
      case "Slider": return slider(w);
      case "Spinner": return spinner(w);
      default: throw new Error("unknown widget kind " + w.kind);
    }
  }

  function collectZones(ws) {
    ws.forEach((w) => {
      if (w.kind === "DropZone") zones.push(w);
      if (w.kind === "Tabs") w.tabs.forEach((t) => collectZones(t.content));
      if (w.kind === "Wizard") w.pages.forEach(collectZones);
    });
  }

  function load(s) {
    scene = s; theme = s.theme; values = { committed: "" }; frozen = false; targets = {}; wizard = null;
    popups = []; radios = { choice: {}, members: {} }; zones = [];
    collectZones(s.widgets);
    document.title = s.title;
    document.body.innerHTML = "";
    Object.assign(document.body.style, { margin: "0", background: hex(theme.desktop), overflow: "hidden" });
    win = el("div", s.window, { background: hex(theme.window), overflow: "hidden" }, document.body);
    if (theme.titleBar > 0) {
      const bar = el("div", { x: 0, y: 0, width: s.window.width, height: theme.titleBar },
        { background: hex(theme.titleBarColor), borderBottom: "1px solid " + hex(mix(theme.titleBarColor, 0, 0.25)), paddingLeft: "12px" });
      text(bar, s.title, Math.max(11, Math.floor(theme.titleBar / 2)), true, theme.titleTextColor);
      const d = Math.floor(theme.titleBar / 2);
      for (let i = 0; i < 3; i++) {
        el("div", { x: s.window.width - (i + 1) * (d + 10), y: Math.floor((theme.titleBar - d) / 2), width: d + 1, height: d + 1 },
          { border: "1px solid " + hex(mix(theme.titleBarColor, theme.titleTextColor, 0.35)) }, bar);
      }
    }
    s.widgets.forEach(build);
    Object.keys(radios.choice).forEach((g) => set(g, radios.choice[g]));
    return true;
  }

  function rect(id, visibleOnly) {
    const e = targets[id];
    if (!e || !e.isConnected) return null;
    for (let p = e; p && p !== document.body; p = p.parentElement) {
      if (getComputedStyle(p).display === "none") return null;
    }
    // A link that wraps has a box per line; it is located at its first line, as in the Swing view.
    const lines = e.getClientRects();
    const r = lines.length > 1 ? lines[0] : e.getBoundingClientRect();
    let x0 = r.left, y0 = r.top, x1 = r.right, y1 = r.bottom;
    if (visibleOnly) {
      for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
        const s = getComputedStyle(p);
        if (s.overflowX !== "visible" || s.overflowY !== "visible") {
          const q = p.getBoundingClientRect();
          x0 = Math.max(x0, q.left); y0 = Math.max(y0, q.top); x1 = Math.min(x1, q.right); y1 = Math.min(y1, q.bottom);
        }
      }
      if (x1 <= x0 || y1 <= y0) return null;
    }
    return { x: Math.round(x0), y: Math.round(y0), width: Math.round(x1 - x0), height: Math.round(y1 - y0) };
  }

  // What came back of the agent's input, so the environment knows when an action has arrived.
  const MODIFIER_KEYS = ["Shift", "Control", "Alt", "Meta"];
  window.addEventListener("pointerup", () => inputs++, true);
  window.addEventListener("keyup", (ev) => { if (!MODIFIER_KEYS.includes(ev.key)) inputs++; }, true);
  window.addEventListener("wheel", () => inputs++, true);

  window.deskpilot = {
    load,
    state: () => Object.assign({}, values),
    locate: (id) => rect(id, true),
    place: (id) => rect(id, false),
    inputs: () => inputs,
  };
})();
