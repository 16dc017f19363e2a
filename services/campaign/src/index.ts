import { createLogger, runUntilSignal } from '../../kit/src';
import { loadCampaignConfig } from './config';
import { createCampaignService } from './server';

const logger = createLogger('campaign');
runUntilSignal('campaign', logger, () => createCampaignService(loadCampaignConfig(), logger));
