// Switchboard agent workspace: keyboard shortcuts and small enhancements over server-rendered
// pages. Everything works without this file; it only saves keystrokes and clicks.

const csrf = document.querySelector('meta[name="csrf-token"]')?.content ?? "";
const me = document.querySelector('meta[name="user-id"]')?.content ?? "";

function typing(event) {
  const t = event.target;
  return t instanceof HTMLElement && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName));
}

// The ticket list: j/k move, o or Enter open, x select, a assign to me.
const rows = () => [...document.querySelectorAll("table[data-list] tbody tr")];
let current = -1;

function focusRow(index) {
  const all = rows();
  if (all.length === 0) return;
  current = Math.max(0, Math.min(all.length - 1, index));
  all.forEach((row, i) => row.classList.toggle("current", i === current));
  const link = all[current].querySelector("td.subject a");
  link?.focus();
}

async function assignToMe(row) {
  const id = row.dataset.ticket;
  const response = await fetch(`/api/v1/tickets/${id}`, {
    method: "PATCH",
    headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
    body: JSON.stringify({ assignee_id: Number(me) }),
  });
  if (response.ok) row.classList.add("assigned");
  else row.classList.add("failed");
}

document.addEventListener("keydown", (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key === "Escape" && typing(event)) {
    event.target.blur();
    return;
  }
  if (typing(event)) return;
  const all = rows();
  const row = all[current];
  switch (event.key) {
    case "j": focusRow(current + 1); break;
    case "k": focusRow(current - 1); break;
    case "o":
    case "Enter":
      if (row && event.key === "o") location.href = row.dataset.href;
      return;
    case "x":
      if (row) { const box = row.querySelector("input[type=checkbox]"); box.checked = !box.checked; box.dispatchEvent(new Event("change")); }
      break;
    case "a":
      if (row && me) assignToMe(row);
      break;
    case "/":
      document.querySelector("[data-shortcut='/']")?.focus();
      break;
    case "?":
      document.getElementById("shortcuts")?.showModal();
      break;
    default:
      return;
  }
  event.preventDefault();
});

document.querySelector("[data-action=shortcuts]")?.addEventListener("click", () => {
  document.getElementById("shortcuts")?.showModal();
});

// A click anywhere on a row opens its ticket (the subject link stays the accessible way in).
document.querySelector("table[data-list] tbody")?.addEventListener("click", (event) => {
  const row = event.target.closest("tr");
  if (!row || event.target.closest("a, input, label")) return;
  location.href = row.dataset.href;
});

// The ticket page: who else has it open (collision warning), polled every 4 s.
const ticketPage = document.querySelector(".ticket-page[data-ticket]");
if (ticketPage) {
  const presence = document.getElementById("presence");
  const composer = document.getElementById("body");
  let lastKey = 0;
  composer?.addEventListener("input", () => { lastKey = Date.now(); });
  const poll = async () => {
    try {
      const response = await fetch(`/tickets/${ticketPage.dataset.ticket}/presence`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
        body: JSON.stringify({ typing: Date.now() - lastKey < 5000 }),
      });
      if (response.ok) presence.textContent = (await response.json()).text;
    } catch {
      // Offline for a moment: try again on the next round.
    }
  };
  poll();
  setInterval(poll, 4000);

  // The reply being typed is kept in this browser until the server took it (it answers
  // with ?sent=1): a lost session, a closed tab or a refused upload does not lose it.
  const draftKey = `switchboard:draft:${ticketPage.dataset.ticket}`;
  const params = new URLSearchParams(location.search);
  if (params.has("sent")) {
    localStorage.removeItem(draftKey);
    params.delete("sent");
    history.replaceState(null, "", location.pathname + (params.size ? `?${params}` : "") + location.hash);
  } else if (composer && !composer.value && localStorage.getItem(draftKey)) {
    composer.value = localStorage.getItem(draftKey);
  }
  composer?.addEventListener("input", () => {
    if (composer.value.trim()) localStorage.setItem(draftKey, composer.value);
    else localStorage.removeItem(draftKey);
  });
}

// The bulk bar shows once a ticket is selected (without this script it is always there).
const bulk = document.getElementById("bulk");
if (bulk) {
  const boxes = () => [...document.querySelectorAll("input[type=checkbox][form=bulk]")];
  const update = () => { bulk.hidden = !boxes().some((box) => box.checked); };
  boxes().forEach((box) => box.addEventListener("change", update));
  update();
}

// Times: unless the user chose a time zone (then the server wrote them in it), the server
// writes them in UTC and they are shown here in the browser's own zone, in the page's language.
const timeFormat = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: "medium", timeStyle: "short" });
const zoneFixed = document.body.dataset.timeZone === "fixed";
for (const time of zoneFixed ? [] : document.querySelectorAll("time[datetime]")) {
  const when = new Date(time.getAttribute("datetime"));
  if (!Number.isNaN(when.getTime())) {
    time.title = time.textContent + " UTC";
    time.textContent = timeFormat.format(when);
  }
}

// SLA countdowns: rewritten every 30 s in the page's words (the server's templates).
const slaWords = document.getElementById("sla-words")?.dataset;
if (slaWords) {
  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ""));
  const duration = (seconds) => {
    const m = Math.max(0, Math.floor(seconds / 60));
    if (m < 60) return fill(slaWords.m, { m });
    if (m < 1440) return fill(slaWords.h, { h: Math.floor(m / 60), m: m % 60 });
    return fill(slaWords.d, { d: Math.floor(m / 1440), h: Math.floor((m % 1440) / 60) });
  };
  const tick = () => {
    for (const clock of document.querySelectorAll(".sla[data-due]")) {
      const left = (Date.parse(clock.dataset.due) - Date.now()) / 1000;
      clock.textContent = left > 0 ? fill(slaWords.in, { time: duration(left) }) : fill(slaWords.over, { time: duration(-left) });
      clock.classList.toggle("sla-late", left <= 0);
      clock.classList.toggle("sla-soon", left > 0 && left <= 3600);
      clock.classList.toggle("sla-ok", left > 3600);
    }
  };
  tick();
  setInterval(tick, 30000);
}

// Availability in the top bar: shows the current one and saves a change at once.
const availability = document.getElementById("availability");
if (availability && me) {
  const form = availability.closest("form");
  form.querySelector("button")?.setAttribute("hidden", "");
  fetch(`/api/v1/users/${me}/availability`).then((r) => (r.ok ? r.json() : null)).then((status) => {
    if (status) availability.value = status.availability;
    availability.dataset.loaded = "true";
  });
  availability.addEventListener("change", async () => {
    const response = await fetch(`/api/v1/users/${me}/availability`, {
      method: "PUT",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify({ availability: availability.value }),
    });
    availability.classList.toggle("failed", !response.ok);
  });
}
