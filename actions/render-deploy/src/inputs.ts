import { DEPLOY_ACTION_ROWS, DEPLOY_ROWS } from '@shipkit/render';

const {
  'health-check-url': healthCheckUrl,
  'health-check-timeout': healthCheckTimeout,
  'api-base-url': apiBaseUrl,
  ...deploy
} = DEPLOY_ROWS;

/** Every input of the render-deploy action: action.yml is generated from it. */
export const RENDER_DEPLOY_INPUTS = {
  ...deploy,
  'cancel-on-workflow-cancel': DEPLOY_ACTION_ROWS['cancel-on-workflow-cancel'],
  'health-check-url': healthCheckUrl,
  'health-check-timeout': healthCheckTimeout,
  'github-deployment': DEPLOY_ACTION_ROWS['github-deployment'],
  'github-token': DEPLOY_ACTION_ROWS['github-token'],
  environment: DEPLOY_ACTION_ROWS.environment,
  'api-base-url': apiBaseUrl,
};
