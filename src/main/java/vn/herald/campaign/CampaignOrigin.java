package vn.herald.campaign;

/** Where a campaign instance came from: a template of {@code content/campaigns/}, or a person through the API. */
public enum CampaignOrigin { TEMPLATE, CUSTOM }
