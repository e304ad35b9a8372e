import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'core',
          include: ['packages/core/src/**/*.test.ts'],
          // oauth4webapi's WebCrypto checks fail under jsdom's realm; Node and happy-dom are fine.
          environment: 'node',
        },
      },
      {
        test: {
          name: 'server',
          include: ['packages/server/src/**/*.test.ts'],
          environment: 'node',
          // A real redis-server on a free loopback port, for the Redis session store's tests.
          globalSetup: ['packages/server/vitest.globalSetup.ts'],
        },
      },
      {
        test: {
          name: 'backend',
          include: ['apps/backend/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'demo',
          include: ['apps/demo/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'sandbox',
          include: ['apps/sandbox/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'capacitor',
          include: ['packages/capacitor/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'react-native',
          include: ['packages/react-native/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          // The adapter contracts run against the core's own browser defaults, at their boundary.
          name: 'adapters',
          include: ['harness/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'react',
          include: ['packages/react/src/**/*.test.tsx'],
          // happy-dom, not jsdom: oauth4webapi's WebCrypto checks fail under jsdom's realm, and
          // these tests run the real core against the in-process sandbox.
          environment: 'happy-dom',
          environmentOptions: { happyDOM: { url: 'http://127.0.0.1:5173/' } },
          setupFiles: ['packages/react/vitest.setup.ts'],
        },
      },
    ],
  },
})
