// The two timer functions every JavaScript runtime we target has (protocol links no node or DOM types).
declare function setInterval(handler: () => void, ms: number): unknown;
declare function clearInterval(handle: unknown): void;
