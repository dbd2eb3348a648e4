// Demo data for an empty store: the housing register and cases at different stages (DEMO=1).
export { seedDemoCases, seedDemoHousing } from './seed-demo-cases.js';
