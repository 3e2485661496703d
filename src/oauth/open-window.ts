/** Window features of the sign-in popup: 600×700, centred on the opener. */
export function centredFeatures(win: Window): string {
  const width = 600;
  const height = 700;
  const left = Math.max(0, Math.round(win.screenX + (win.outerWidth - width) / 2));
  const top = Math.max(0, Math.round(win.screenY + (win.outerHeight - height) / 2));
  return `popup=yes,width=${width},height=${height},left=${left},top=${top}`;
}

/**
 * `win.open(url, name, features)` as a popup; undefined when the browser refused it (a popup
 * blocker: `null`, an exception, or a window closed at once). Only works inside a user gesture.
 */
export function openWindow(url: string, name: string, win: Window = window, features = centredFeatures(win)): Window | undefined {
  let popup: Window | null = null;
  try {
    popup = win.open(url, name, features);
  } catch {
    popup = null;
  }
  return popup && !popup.closed ? popup : undefined;
}
