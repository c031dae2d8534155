// The port the main PC serves the office LAN on: fixed, so a seat needs only the PC's address
// (the browser host takes 5780 on loopback; this one is the next).
export const LAN_PORT = 5781;
