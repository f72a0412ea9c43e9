// CSS and asset imports in the pages are Vite's: give TypeScript its types.
/// <reference types="vite/client" />
