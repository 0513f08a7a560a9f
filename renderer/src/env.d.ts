/** True in a test build (`electron-vite build --mode test`): the hooks end-to-end tests and benchmarks use are compiled in. */
declare const __ATLAS_TEST_HOOKS__: boolean;
