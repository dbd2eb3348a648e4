// A demo LSS decision that was closed after its apartment had been booked: the apartment is vacant again and the
// decision is `avslutat` with its reason, as the register and the IVO report show it.
import type { Actor } from '../auth/index.js';
import type { RuntimeApi } from '../runtime/index.js';

const actor = (role: string): Actor => ({ username: role, roles: [role] });

/** The steps of lss-boende from the decision to a booked apartment, then the handläggare's closing message. */
export async function seedClosedAfterBooking(runtime: RuntimeApi): Promise<void> {
  const { id } = await runtime.startInstance('lss-boende', { businessKey: 'DEMO-LSS-2', variables: { beslutsdatum: '2026-09-14', brukare: 'Demobrukare F', kon: 'kvinna' } }, actor('lss-handlaggare'));
  const step = async (elementId: string, values: Record<string, unknown>, role: string) => {
    const task = runtime.listTasks({ instanceId: id }, actor('admin')).find((t) => t.elementId === elementId);
    if (!task) throw new Error(`demo: ${elementId} är inte öppen`);
    await runtime.completeTask(task.id, values, actor(role));
  };
  await step('taEmotBestallning', { planeringLssInledd: '2026-09-15' }, 'samordnare-externa');
  await step('fordelaArende', { ansvarigArbetsterapeut: 'arbetsterapeut' }, 'samordnare-externa');
  await step('gemensamtMote', { genomgangsdatum: '2026-09-21' }, 'samordnare-externa');
  await step('kartlaggning', { kartlaggningsdatum: '2026-09-28', behovssammanfattning: 'Behöver stöd dygnet runt i en lugn miljö.', informationOm14Dagarsregeln: '2026-09-28' }, 'arbetsterapeut');
  await step('bedomPlacering', { placering: 'intern', bedomning: 'Servicebostad i egen regi passar.' }, 'arbetsterapeut');
  await step('matchaBostad', { apartmentId: 'lindgarden-12', matchning: 'Först på prioriteringslistan.' }, 'samordnare-externa');
  await step('erbjudBostad', { erbjudandedatum: '2026-10-20' }, 'boendeformedling');
  await step('studiebesok', { studiebesoksdatum: '2026-10-22' }, 'enhetschef');
  await step('registreraSvar', { svar: 'ja', svarsdatum: '2026-10-23' }, 'boendeformedling');
  await step('meddelaInflyttningsdatum', { planeratInflyttningsdatum: '2026-11-16' }, 'enhetschef');
  await step('hanteraHyreskontrakt', { kontraktsdatum: '2026-11-02' }, 'boendeformedling');
  await runtime.deliverMessage(id, 'beslutetAvslutat', { avslutsorsak: 'Kunden har flyttat till en annan kommun.' }, actor('lss-handlaggare'));
}
