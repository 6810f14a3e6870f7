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

// The fleet's changes for this page (GET /console/events, server-sent events), the stream open only while the page is
// shown and visible. Over HTTP/1.1 a browser keeps at most six connections to one server; a stream left open by a page
// in the back-forward cache or by a tab in the background holds one of them, and a few such streams stall every
// other page of the console until they close. Reopened, the page may have missed changes: it is told to read again.
const fleetEvents = (handlers) => {
  let source = null;
  const open = (missedChanges) => {
    if (source !== null || document.visibilityState === "hidden") {
      return;
    }
    source = new EventSource("/console/events");
    for (const [type, handler] of Object.entries(handlers)) {
      source.addEventListener(type, handler);
    }
    if (missedChanges && handlers.resync) {
      handlers.resync();
    }
  };
  const close = () => {
    if (source !== null) {
      source.close();
      source = null;
    }
  };
  window.addEventListener("pagehide", close);
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) {
      open(true);
    }
  });
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") {
      close();
    } else {
      open(true);
    }
  });
  open(false);
};

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
  fleetEvents({
    computer: (event) => {
      const view = JSON.parse(event.data);
      updateRow(view);
      if (fields) {
        updateFields(view);
      }
    },
    summary: (event) => {
      const summary = JSON.parse(event.data);
      for (const name of ["licenses", "used", "active", "reserved", "waiting"]) {
        document.querySelectorAll("[data-summary=" + name + "]").forEach((cell) => {
          cell.textContent = String(summary[name]);
        });
      }
    },
    resync: () => {
      if (!window.htmx) {
        return;
      }
      for (const part of ["#summary", "#fleet", "#fields"]) {
        if (document.querySelector(part)) {
          window.htmx.ajax("GET", window.location.href, { target: part, select: part, swap: "outerHTML" });
        }
      }
    },
  });
})();

// Releases: a change in the fleet (GET /console/events) may be a client reporting update progress, so the counts
// part of the page (GET /console/releases/counts) is read again, at most once every 2 seconds; never the whole page.
(() => {
  if (!document.getElementById("rollout-counts") || !window.EventSource) {
    return;
  }
  const interval = 2000;
  let last = 0;
  let timer = null;
  const refresh = () => {
    timer = null;
    last = Date.now();
    if (window.htmx) {
      window.htmx.ajax("GET", "/console/releases/counts", { target: "#rollout-counts", swap: "outerHTML" });
    }
  };
  const changed = () => {
    if (timer === null) {
      timer = window.setTimeout(refresh, Math.max(0, last + interval - Date.now()));
    }
  };
  fleetEvents({ computer: changed, resync: changed });
})();

// Adding a release: the package is streamed to PUT /console/releases/packages/<sha256>, the SHA-256 the signed
// manifest names, with a progress bar; once it is stored the form sends the manifest alone (the package field has no
// name). A refusal shows the server's own words.
(() => {
  const form = document.getElementById("add-release");
  if (!form) {
    return;
  }
  const packageInput = document.getElementById("release-package");
  const progress = document.getElementById("upload-progress");
  const status = document.getElementById("upload-status");
  const error = document.getElementById("upload-error");
  const button = document.getElementById("add");
  const fail = (text) => {
    error.textContent = "Refused: " + text;
    error.hidden = false;
    progress.hidden = true;
    status.textContent = "";
    button.disabled = false;
  };
  const manifestOf = async (file) => {
    const signed = JSON.parse(await file.text());
    const base64 = String(signed.payload).replace(/-/g, "+").replace(/_/g, "/");
    const binary = window.atob(base64 + "===".slice((base64.length + 3) % 4));
    const bytes = Uint8Array.from(binary, (character) => character.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  };
  form.addEventListener("submit", async (event) => {
    const file = packageInput.files[0];
    if (!file) {
      return; // the manifest alone: its package must be stored already
    }
    event.preventDefault();
    error.hidden = true;
    let manifest;
    try {
      manifest = await manifestOf(form.elements.manifest.files[0]);
    } catch (e) {
      fail("the manifest file is not a signed release manifest (JSON with a base64url payload).");
      return;
    }
    if (!/^[0-9a-f]{64}$/.test(String(manifest.sha256))) {
      fail("the manifest names no package SHA-256.");
      return;
    }
    if (file.size !== manifest.size) {
      fail("the package has " + file.size + " bytes, the manifest says " + manifest.size + " (" + manifest.fileName
        + "): choose the package this manifest was signed for.");
      return;
    }
    if (file.size > Number(form.dataset.maxBytes)) {
      fail("the package has " + file.size + " bytes, more than this server takes (max-package, "
        + form.dataset.maxText + ").");
      return;
    }
    const request = new XMLHttpRequest();
    request.open("PUT", "/console/releases/packages/" + manifest.sha256);
    request.setRequestHeader("X-CSRF-Token", form.elements.csrf.value);
    request.setRequestHeader("Content-Type", "application/octet-stream");
    request.upload.addEventListener("progress", (progressEvent) => {
      if (progressEvent.lengthComputable) {
        progress.value = Math.floor((100 * progressEvent.loaded) / progressEvent.total);
        status.textContent = progress.value + "% of " + file.size + " bytes sent";
      }
    });
    request.addEventListener("load", () => {
      if (request.status === 200 || request.status === 201) {
        progress.value = 100;
        status.textContent = "Package stored; adding the release\u2026";
        form.submit();
        return;
      }
      let detail = "the server answered " + request.status + ".";
      try {
        detail = JSON.parse(request.responseText).detail || detail;
      } catch (e) {
        // not problem JSON: keep the status
      }
      fail(detail);
    });
    request.addEventListener("error", () => fail("the upload was cut off: the connection was lost, or the server"
      + " refused the package before the end."));
    progress.value = 0;
    progress.hidden = false;
    status.textContent = "Sending the package\u2026";
    button.disabled = true;
    request.send(file);
  });
})();
