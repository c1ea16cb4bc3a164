/** Small inline icons, so no icon font or remote asset is needed. */
const common = {
  width: 16,
  height: 16,
  viewBox: "0 0 16 16",
  fill: "none",
  stroke: "currentColor",
  strokeWidth: 1.8,
  "aria-hidden": true,
} as const;

export const ZoomInIcon = () => (
  <svg {...common}>
    <path d="M8 3v10M3 8h10" />
  </svg>
);
export const ZoomOutIcon = () => (
  <svg {...common}>
    <path d="M3 8h10" />
  </svg>
);
export const FitIcon = () => (
  <svg {...common}>
    <path d="M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4" />
  </svg>
);
export const FullscreenIcon = () => (
  <svg {...common}>
    <path d="M2 5V2h3M11 2h3v3M14 11v3h-3M5 14H2v-3" />
    <rect x="5" y="5" width="6" height="6" />
  </svg>
);
export const RunIcon = () => (
  <svg {...common}>
    <path d="M4 3l9 5-9 5z" />
  </svg>
);
export const StopIcon = () => (
  <svg {...common}>
    <rect x="4" y="4" width="8" height="8" />
  </svg>
);
export const ResetIcon = () => (
  <svg {...common}>
    <path d="M3 8a5 5 0 1 0 1.5-3.5M3 2.5V5h2.5" />
  </svg>
);
