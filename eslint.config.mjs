import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import jsxA11y from "eslint-plugin-jsx-a11y";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      ...jsxA11y.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through getEnv() in server/env.ts." },
      ],
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "next/link",
              message: "Use Link from @/components/ui/link: it does not prefetch every page a list links to.",
            },
          ],
        },
      ],
    },
  },
  {
    // The one wrapper of next/link.
    files: ["components/ui/link.tsx"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // The env module, the launchers and test tooling are where process.env is read or set.
    files: ["server/env.ts", "instrumentation.ts", "proxy.ts", "scripts/**", "tests/**", "e2e/**", "playwright.config.ts", "vitest.config.ts", "prisma.config.ts", "prisma/**"],
    rules: { "no-restricted-properties": "off" },
  },
  {
    // Pages and components ask; they never decide. Whether the viewer may do something is a
    // `viewer.can*` flag computed by can() in server/auth; how a role reads is a label map.
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        ...[
          "BinaryExpression > Literal",
          "SwitchCase > Literal",
          "CallExpression[callee.property.name='includes'] > Literal",
        ].map((selector) => ({
          selector: `${selector}[value=/^(OFFICER|CHAIR|MEMBER|OBSERVER|LEAD|CO_AUTHOR)$/]`,
          message: "Do not compare role names in pages or components: use a viewer.can* flag from server/auth (or a label map).",
        })),
      ],
    },
  },
  {
    // Playwright fixtures and vitest helpers are not React: their `use` is not a hook.
    files: ["e2e/**", "tests/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // The schema-engine bridge is a plain Node program loading wasm-bindgen glue.
    files: ["prisma/engine/**"],
    rules: { "@next/next/no-assign-module-variable": "off" },
  },
  {
    ignores: [".next/**", "node_modules/**", ".data/**", "server/db/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**"],
  },
];

export default config;
