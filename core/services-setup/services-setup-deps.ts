import type { CoreDeps } from '../core-deps';
import type { CustomerDirectory } from '../ports/customer-directory.port';
import type { ServicesSetupBackend } from '../ports/services-setup-backend.port';
import type { ConnectActivationRepository, ServicesSetupRepository } from '../ports/services-setup-repository.port';

/** What the services setup use cases touch: the core's outbox, clock and directory, and their own ports. */
export type ServicesSetupDeps = Pick<CoreDeps, 'outbox' | 'deliveries' | 'clock' | 'log' | 'users' | 'limits'> & {
  customers: CustomerDirectory;
  servicesSetups: ServicesSetupRepository;
  connectActivations: ConnectActivationRepository;
  setupBackend: ServicesSetupBackend;
};
