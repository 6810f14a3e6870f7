// Primary Control Center: the few behaviours plain HTML lacks. Same-origin file, no inline script (CSP).
"use strict";
document.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-copy]");
  if (!button) {
    return;
  }
  const field = document.getElementById(button.dataset.copy);
  field.select();
  navigator.clipboard.writeText(field.value).then(() => { button.textContent = "Copied"; },
    () => { button.textContent = "Select and copy"; });
});

// Live updates: the server's fleet changes (GET /console/events, server-sent events) update the affected row of
// Manage Computers, the fields of a computer's page and the summary totals in place; nothing polls. A "resync"
// (the server dropped changes for this stream) reloads the table only.
(() => {
  const table = document.getElementById("computers");
  const fields = document.getElementById("fields");
  if ((!table && !fields) || !window.EventSource) {
    return;
  }
  const dash = (text) => (text === null || text === undefined || text === "" ? "\u2014" : String(text));
  const when = (iso) => (iso ? iso.slice(0, 16).replace("T", " ") + " UTC" : "\u2014");
  const display = (who) => {
    const base = who.domain ? who.domain + "\\" + who.computerName : who.computerName;
    return who.userName ? base + "\\" + who.userName : base;
  };
  const setText = (element, text) => {
    if (element) {
      element.textContent = text;
    }
  };
  const setState = (element, view) => {
    if (!element) {
      return;
    }
    const badge = document.createElement("span");
    badge.className = "badge " + view.state;
    badge.textContent = view.state;
    const reason = document.createElement("span");
    reason.className = "reason";
    reason.textContent = view.reason || "";
    element.replaceChildren(badge, " ", reason);
  };
  const setTime = (element, iso) => {
    if (!element) {
      return;
    }
    const time = document.createElement("time");
    time.dateTime = iso || "";
    time.textContent = when(iso);
    element.replaceChildren(time);
  };
  const updateRow = (view) => {
    // Looked up at each change: the filter form swaps the table for a new one.
    const table = document.getElementById("computers");
    if (!table) {
      return;
    }
    const key = display(view.computer);
    const row = Array.from(table.querySelectorAll("tr[data-computer]")).find((tr) => tr.dataset.computer === key);
    if (!row) {
      return;
    }
    setText(row.querySelector(".os"), dash(view.os));
    setText(row.querySelector(".recorder"), view.recorder);
    setText(row.querySelector(".content"), String(view.contentRevision));
    setState(row.querySelector(".state"), view);
    setText(row.querySelector(".group"), dash(view.group));
    setTime(row.querySelector(".last-contact"), view.lastContact);
    setTime(row.querySelector(".next-contact"), view.nextExpectedContact);
    row.classList.add("changed");
  };
  const updateFields = (view) => {
    if (display(view.computer).toLowerCase() !== document.getElementById("name").textContent.trim().toLowerCase()) {
      return;
    }
    setText(document.getElementById("recorder"), view.recorder);
    setState(document.getElementById("state"), view);
    setText(document.getElementById("lease"), when(view.leaseExpiresAt));
    setText(document.getElementById("group"), dash(view.group));
    setText(document.getElementById("content"), String(view.contentRevision));
    setText(document.getElementById("last-contact"), when(view.lastContact));
    setText(document.getElementById("next-contact"), when(view.nextExpectedContact));
  };
  const events = new EventSource("/console/events");
  events.addEventListener("computer", (event) => {
    const view = JSON.parse(event.data);
    updateRow(view);
    if (fields) {
      updateFields(view);
    }
  });
  events.addEventListener("summary", (event) => {
    const summary = JSON.parse(event.data);
    for (const name of ["licenses", "used", "active", "reserved", "waiting"]) {
      document.querySelectorAll("[data-summary=" + name + "]").forEach((cell) => {
        cell.textContent = String(summary[name]);
      });
    }
  });
  events.addEventListener("resync", () => {
    if (document.getElementById("fleet") && window.htmx) {
      window.htmx.ajax("GET", window.location.href, { target: "#fleet", select: "#fleet", swap: "outerHTML" });
    }
  });
})();
