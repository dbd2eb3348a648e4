// The business outcomes the registered handlers raise (BpmnBusinessError codes), named for the diagram editor: an
// error boundary event on a service task catches one of them by its errorCode.
export const businessErrors: Record<string, string> = {
  LAGENHET_SAKNAS: 'Lägenheten finns inte i boenderegistret',
  LAGENHET_EJ_LEDIG: 'Lägenheten är inte ledig',
  LAGENHET_EJ_RESERVERAD: 'Lägenheten är inte reserverad',
  LAGENHET_EJ_BOKAD: 'Lägenheten är inte bokad',
  KOPLATS_SAKNAS: 'Köplatsen finns inte',
  SOKANDE_SAKNAS: 'Den sökande står inte i kön',
  ARENDET_VANTAR_INTE: 'Det andra ärendet väntar inte på meddelandet',
};
