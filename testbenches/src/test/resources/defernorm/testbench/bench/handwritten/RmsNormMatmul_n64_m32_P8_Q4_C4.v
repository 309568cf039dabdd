// Hand-written, firtool-style reference for our matmul-only top RmsNormMatmul_n64_m32_P8_Q4_C4 (hdl/accel
// defernorm.accel.tops.MatmulTop; docs/microarchitecture.md, docs/datapaths.md): the same design, register for
// register and cycle for cycle, written as a careful designer would: one module per unit (ActivationBuffer.v,
// MacArray.v, DrainSequencer.v, OutputStage.v), each register's next value inside its clocked block.
// n = 64, m = 32, P = 8, Q = 4: NB = 8 input beats and G = 8 output beats per token. C (the collective's
// latency) names the top only: matmul-only has no collective.
`timescale 1ns/1ps
`default_nettype none
module RmsNormMatmul_n64_m32_P8_Q4_C4 (
    input wire clk,
    input wire rst,
    input wire cfg_we,               // configuration: words 0..63 weight tiles, 64..71 bias words
    input wire [6:0] cfg_addr,
    input wire [255:0] cfg_wdata,
    input wire s_axis_tvalid,
    output wire s_axis_tready,
    input wire [63:0] s_axis_tdata,  // P = 8 int8 lanes
    input wire s_axis_tlast,
    output reg m_axis_tvalid,
    input wire m_axis_tready,
    output reg [127:0] m_axis_tdata, // Q = 4 int32 lanes
    output reg m_axis_tlast
);
    // Whole-pipeline enable: every register holds while the sink refuses the m_axis beat.
    wire en = !(m_axis_tvalid && !m_axis_tready);

    // ---- ingest: the beat counter and s_axis_tlast's debug check ----------------------------------------------
    wire buf_ready;
    assign s_axis_tready = buf_ready && en;
    wire in_accept = s_axis_tvalid && s_axis_tready;
    reg [2:0] in_beat;
    wire in_last = in_beat == 3'd7;
    reg tlast_err;   // a debug flag: s_axis_tlast disagreed with the count

    wire out_valid, out_last;
    wire [127:0] out_data;
    always @(posedge clk) begin
        if (rst) begin
            in_beat <= 3'd0;
            tlast_err <= 1'b0;
            m_axis_tvalid <= 1'b0;
            m_axis_tdata <= 128'd0;
            m_axis_tlast <= 1'b0;
        end else if (en) begin
            if (in_accept) in_beat <= in_last ? 3'd0 : in_beat + 3'd1;
            tlast_err <= tlast_err || (in_accept && s_axis_tlast != in_last);
            m_axis_tvalid <= out_valid;
            m_axis_tdata <= out_data;
            m_axis_tlast <= out_last;
        end
    end

    // ---- the datapath: buffer -> MAC array -> drain -> output stage ---------------------------------------------
    wire rd_valid;
    wire [63:0] rd_data;
    wire drain_valid, drain_start, drain_issue, drain_last, drain_bank;
    wire [2:0] drain_group;
    wire [87:0] acc_lanes;

    ActivationBuffer #(.NB(8), .G(8), .W(64)) front (
        .clk(clk), .rst(rst), .en(en),
        .in_accept(in_accept), .in_last(in_last), .in_ready(buf_ready),
        .wr_valid(in_accept), .wr_last(in_last), .wr_data(s_axis_tdata),
        .drain_start(drain_start),
        .rd_valid(rd_valid), .rd_last(), .rd_data(rd_data), .rd_bank()
    );

    MacArray #(.P(8), .Q(4), .NB(8), .G(8), .ACC(22)) mac (
        .clk(clk), .rst(rst), .en(en),
        .w_we(cfg_we && cfg_addr < 7'd64), .w_addr(cfg_addr[5:0]), .w_data(cfg_wdata),
        .in_valid(rd_valid), .in_act(rd_data), .in_ready(),
        .drain_valid(drain_valid),
        .rd_bank(drain_bank), .rd_group(drain_group), .rd_data(acc_lanes)
    );

    DrainSequencer #(.G(8)) drain (
        .clk(clk), .rst(rst), .en(en),
        .land(drain_valid), .start(drain_start), .issue(drain_issue), .last(drain_last),
        .bank(drain_bank), .group(drain_group)
    );

    OutputStage #(.Q(4), .G(8), .ACC(22)) out_stage (
        .clk(clk), .rst(rst), .en(en),
        .b_we(cfg_we && cfg_addr >= 7'd64 && cfg_addr < 7'd72), .b_addr(cfg_addr[2:0]), .b_data(cfg_wdata[127:0]),
        .in_valid(drain_issue), .in_last(drain_last), .in_group(drain_group), .in_acc(acc_lanes),
        .out_valid(out_valid), .out_last(out_last), .out_data(out_data)
    );
endmodule
`default_nettype wire
