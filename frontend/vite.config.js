// Vite builds hashed assets and a manifest (dist/.vite/manifest.json) that django-vite reads.
// Django serves dist/ as static files under /static/ (WhiteNoise in production).
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";

export default defineConfig({
  base: "/static/",
  plugins: [tailwindcss()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    manifest: true,
    rollupOptions: { input: { main: "src/js/main.js" } },
  },
  server: {
    host: "127.0.0.1",
    port: 5173,
    strictPort: true,
    origin: "http://127.0.0.1:5173",
    cors: { origin: /^http:\/\/(127\.0\.0\.1|localhost):\d+$/ },
  },
  test: {
    environment: "happy-dom",
    include: ["src/**/*.test.js"],
  },
});
