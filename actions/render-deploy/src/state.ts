/** State names shared by the main step and the post step, which finds the deploy through them. */
export const STATE = { serviceId: 'render-service-id', deployId: 'render-deploy-id' } as const;
