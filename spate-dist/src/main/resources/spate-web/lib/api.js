// Calls of the REST API: credentials from the login prompt, JSON in and out, and errors that carry
// the server's own message.

const AUTH_KEY = 'spate.authorization';

/** A failed call: the HTTP status and the message of the JSON error body. */
export class ApiError extends Error {
  constructor(status, message, path) {
    super(message);
    this.status = status;
    this.path = path;
  }

  /** Whether the route itself is missing (rather than, say, an unknown job). */
  get routeMissing() {
    // Spate's own answer, or Javalin's when the request accepted JSON.
    return this.status === 404 && /^No such resource|^Endpoint \S+ \S+ not found/.test(this.message);
  }
}

let loginPending = null;

function authorization() {
  return sessionStorage.getItem(AUTH_KEY);
}

/** Forgets the credentials of this tab. */
export function signOut() {
  sessionStorage.removeItem(AUTH_KEY);
}

async function call(method, path, body, isRetry) {
  const headers = {'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest'};
  const auth = authorization();
  if (auth) headers['Authorization'] = auth;
  let payload = body;
  if (body !== undefined && !(body instanceof FormData)) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, {method, headers, body: payload, cache: 'no-store'});
  } catch (e) {
    throw new ApiError(0, `The REST API did not answer ${method} ${path}: ${e.message}`, path);
  }
  if (response.status === 401 && !isRetry) {
    const message = await errorMessage(response);
    await askForCredentials(auth ? message : null, message);
    return call(method, path, body, true);
  }
  if (response.status === 401) {
    signOut();
    const message = await errorMessage(response);
    await askForCredentials(message, message);
    return call(method, path, body, true);
  }
  if (!response.ok) {
    throw new ApiError(response.status, await errorMessage(response), path);
  }
  const type = response.headers.get('Content-Type') || '';
  if (response.status === 204) return null;
  if (type.includes('json')) return response.json();
  return response.text();
}

async function errorMessage(response) {
  const text = await response.text();
  try {
    const json = JSON.parse(text);
    if (Array.isArray(json.errors)) return json.errors.join('; ');
    if (json.message) return json.message;
    if (json.title) return json.title;
  } catch (e) {
    // not JSON: the text itself
  }
  return text ? text.slice(0, 500) : `HTTP ${response.status}`;
}

/** The scheme a 401 answer's message asks for (the server names it), or null when it names none. */
function schemeAskedFor(message) {
  if (/HTTP basic/i.test(message || '')) return 'basic';
  if (/bearer token/i.test(message || '')) return 'bearer';
  return null;
}

/**
 * Shows the login dialog once for all callers waiting for credentials, with the fields of the scheme
 * that the server's 401 message names; resolves when they are stored.
 */
function askForCredentials(problem, serverMessage) {
  if (loginPending) return loginPending;
  loginPending = new Promise(resolve => {
    const dialog = document.getElementById('login');
    const form = document.getElementById('login-form');
    const error = document.getElementById('login-error');
    const asked = schemeAskedFor(serverMessage);
    error.hidden = !problem;
    // A refused user and password gets a plain sentence; the server's names the header format.
    error.textContent = problem && asked === 'basic' ? 'The user name or password is not valid.' : problem || '';
    const showScheme = () => {
      const scheme = form.elements.scheme.value;
      form.querySelectorAll('[data-scheme]').forEach(el => { el.hidden = el.dataset.scheme !== scheme; });
    };
    form.onchange = showScheme;
    if (asked) form.elements.scheme.value = asked;
    showScheme();
    form.onsubmit = event => {
      event.preventDefault();
      const scheme = form.elements.scheme.value;
      const value = scheme === 'bearer'
        ? 'Bearer ' + form.elements.token.value.trim()
        : 'Basic ' + btoa(unescape(encodeURIComponent(form.elements.user.value + ':' + form.elements.password.value)));
      sessionStorage.setItem(AUTH_KEY, value);
      dialog.close();
      loginPending = null;
      resolve();
    };
    if (!dialog.open) dialog.showModal();
  });
  return loginPending;
}

export const api = {
  get: path => call('GET', path),
  post: (path, body) => call('POST', path, body === undefined ? {} : body),
  patch: path => call('PATCH', path),
  del: path => call('DELETE', path),
  upload: (path, formData) => call('POST', path, formData),

  /** GET, or null when the route is not there (404 of an unknown route or 501). */
  async optional(path) {
    try {
      return await call('GET', path);
    } catch (e) {
      if (e instanceof ApiError && (e.routeMissing || e.status === 501)) return null;
      throw e;
    }
  },
};
